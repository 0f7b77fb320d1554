import assert from "node:assert/strict";
import {test} from "node:test";
import {Field, FixedSizeList, Float32, Table, vectorFromArray} from "apache-arrow";
import {DatasetError} from "../../../src/cells/dataset/errors.ts";
import {fromTable} from "../../../src/cells/dataset/from-table.ts";
import {embeddingDrift} from "../../../src/cells/drift/embedding-drift.ts";

const HOUR = 3_600_000;
const at = (h: number, m = 0) => Date.UTC(2023, 0, 1, h, m) / 1000; // UNIX seconds, as files hold them

function dataset(name: string, times: number[], vectors: (number[] | null)[]) {
  const type = new FixedSizeList(vectors.find(Boolean)!.length, new Field("item", new Float32(), true));
  const table = new Table({ts: vectorFromArray(times), v: vectorFromArray(vectors, type)});
  return fromTable(table, `${name}.arrow`, {name, schema: {timestamp: "ts", embeddings: {e: {vector: "v"}}}});
}

// Reference centroid: mean of [0, 0] and [2, 0] = [1, 0] (the null vector is skipped).
const reference = dataset("reference", [at(0), at(0), at(0)], [[0, 0], [2, 0], null]);
// Primary: 10:30 [1, 1]; 11:30 [4, 4] and a null vector; 12:00 [1, 3].
const primary = dataset(
  "primary",
  [at(10, 30), at(11, 30), at(11, 30), at(12)],
  [[1, 1], [4, 4], null, [1, 3]]
);

test("embeddingDrift() without windows: distance between the primary and reference centroids", () => {
  // Primary centroid: ([1, 1] + [4, 4] + [1, 3]) / 3 = [2, 8/3]; distance to [1, 0] = √(1 + 64/9) = √(73/9).
  const {value, count} = embeddingDrift(primary, reference, {embedding: "e"});
  assert.equal(count, 3);
  assert.ok(Math.abs(value! - Math.sqrt(73 / 9)) < 1e-12);
});

test("embeddingDrift() series: windows [t − w, t), labelled by their end; empty windows are null", () => {
  // Range [09:30, 12:01) → ends 12:01, 11:01, 10:01 (09:01 is not after 09:30); with 1-hour windows:
  // [11:01, 12:01): [4, 4], [1, 3] (the null vector skipped) → mean [2.5, 3.5], distance √(2.25 + 12.25) = √14.5
  // [10:01, 11:01): [1, 1] → distance 1;  [09:01, 10:01): no rows → null.
  const timeRange = {start: Date.UTC(2023, 0, 1, 9, 30), end: Date.UTC(2023, 0, 1, 12, 1)};
  const options = {embedding: "e", timeRange, evaluationWindow: HOUR, samplingInterval: HOUR};
  const {series} = embeddingDrift(primary, reference, options);
  assert.deepEqual(
    series.map((p) => [new Date(p.timestamp).toISOString().slice(11, 16), p.count]),
    [
      ["10:01", 0],
      ["11:01", 1],
      ["12:01", 2]
    ]
  );
  assert.equal(series[0]!.value, null);
  assert.equal(series[1]!.value, 1);
  assert.ok(Math.abs(series[2]!.value! - Math.sqrt(14.5)) < 1e-12);
  // Each point says where its window starts: the rows its drift measures.
  assert.deepEqual(
    series.map((p) => new Date(p.start).toISOString().slice(11, 16)),
    ["09:01", "10:01", "11:01"]
  );
});

test("embeddingDrift() over the primary's own range: [10:30, 12:01), 2-hour windows sampled hourly overlap", () => {
  // Ends 12:01 and 11:01 (10:01 is not after 10:30): [10:01, 12:01) holds 3 vectors, [09:01, 11:01) one.
  const {series} = embeddingDrift(primary, reference, {
    embedding: "e",
    evaluationWindow: 2 * HOUR,
    samplingInterval: HOUR
  });
  assert.deepEqual(
    series.map((p) => p.count),
    [1, 3]
  );
  assert.ok(Math.abs(series[1]!.value! - Math.sqrt(73 / 9)) < 1e-12);
});

test("embeddingDrift() rejects an unknown embedding and mismatched dimensions", () => {
  assert.throws(() => embeddingDrift(primary, reference, {embedding: "x"}), {
    message: 'primary.arrow: unknown embedding: "x" (expected "e")'
  });
  const wide = dataset("wide", [at(0)], [[1, 2, 3]]);
  assert.throws(
    () => embeddingDrift(primary, wide, {embedding: "e"}),
    (error: unknown) =>
      error instanceof DatasetError && /has 2 dimensions in primary but 3 in wide/.test(error.message)
  );
});

test("embeddingDrift() against a reference without any vector has no value", () => {
  const empty = fromTable(
    new Table({
      ts: vectorFromArray([at(0)]),
      v: vectorFromArray([null], new FixedSizeList(2, new Field("item", new Float32(), true)))
    }),
    "empty.arrow",
    {name: "empty", schema: {timestamp: "ts", embeddings: {e: {vector: "v"}}}}
  );
  assert.deepEqual(embeddingDrift(primary, empty, {embedding: "e"}), {value: null, count: 3});
});

test("embeddingDrift() of an empty window (px.window with no rows) has no value and an empty series, not an error", async () => {
  const {timeWindow} = await import("../../../src/cells/dataset/window.ts");
  const empty = timeWindow(primary, {start: Date.UTC(2030, 0, 1), end: Date.UTC(2030, 0, 2)});
  assert.deepEqual(embeddingDrift(empty, reference, {embedding: "e"}), {value: null, count: 0});
  assert.deepEqual(embeddingDrift(empty, reference, {embedding: "e", evaluationWindow: HOUR}), {series: []});
});
