import assert from "node:assert/strict";
import {test} from "node:test";
import {Vector, type Data} from "apache-arrow";
import {VectorBuilder} from "../../../../src/cells/dataset/formats/vector-builder.ts";

test("VectorBuilder spreads compact values to n × dim in place, null rows zeroed", () => {
  const builder = new VectorBuilder(4, 0);
  for (const row of [[1, 2], null, [3, 4], null]) builder.pushRow(row);
  const data = builder.finish();
  assert.equal(String(data.type), "FixedSizeList[2]<Float32>");
  assert.deepEqual(Array.from(data.children[0]!.values as Float32Array), [1, 2, 0, 0, 3, 4, 0, 0]);
  assert.deepEqual(
    [...new Vector([data as Data])].map((row) => (row ? [...row] : null)),
    [[1, 2], null, [3, 4], null]
  );
});

test("VectorBuilder makes a List when lengths differ, with offsets over compact values", () => {
  const builder = new VectorBuilder(3, 0);
  for (const row of [[1], null, [2, 3]]) builder.pushRow(row);
  const data = builder.finish();
  assert.equal(String(data.type), "List<Float32>");
  assert.deepEqual(Array.from(data.valueOffsets), [0, 1, 1, 3]);
});

test("VectorBuilder hands its buffer to Arrow without copying when no row is null", () => {
  const builder = new VectorBuilder(2, 4);
  const buffer = builder.values;
  for (const row of [
    [1, 2],
    [3, 4]
  ])
    builder.pushRow(row);
  assert.equal((builder.finish().children[0]!.values as Float32Array).buffer, buffer.buffer);
});
