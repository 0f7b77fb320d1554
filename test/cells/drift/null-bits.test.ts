import assert from "node:assert/strict";
import {test} from "node:test";
import {everyNull} from "../../../src/cells/drift/null-bits.ts";

function random(seed: number): () => number {
  let x = seed;
  return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

test("everyNull() visits the rows whose validity bit is 0, in order, from any bit offset", () => {
  const r = random(4);
  const bitmap = Uint8Array.from({length: 16}, () => (r() < 0.3 ? 0xff : Math.floor(r() * 256)));
  for (const offset of [0, 1, 7, 8, 13]) {
    for (const length of [0, 1, 5, 8, 9, 31, 64, 100]) {
      const expected = Array.from({length}, (_, i) => i).filter(
        (i) => (bitmap[(offset + i) >> 3]! & (1 << ((offset + i) & 7))) === 0
      );
      const visited: number[] = [];
      const all = everyNull(bitmap, offset, length, (i) => visited.push(i) > 0);
      assert.ok(all);
      assert.deepEqual(visited, expected, `offset ${offset}, length ${length}`);
    }
  }
});

test("everyNull() stops at the first visit that returns false", () => {
  const visited: number[] = [];
  assert.equal(
    everyNull(Uint8Array.from([0b10100101, 0]), 0, 16, (i) => visited.push(i) < 3),
    false
  );
  assert.deepEqual(visited, [1, 3, 4]);
});
