import assert from "node:assert/strict";
import {test} from "node:test";
import {TextKeys} from "../../../src/cells/drift/text-keys.ts";

const encoder = new TextEncoder();

/** A Utf8 chunk's bytes and offsets, as Arrow lays them out. */
function chunk(values: readonly string[]) {
  const parts = values.map((value) => encoder.encode(value));
  const offsets = new Int32Array(parts.length + 1);
  parts.forEach((part, i) => (offsets[i + 1] = offsets[i]! + part.length));
  const bytes = new Uint8Array(offsets[parts.length]!);
  parts.forEach((part, i) => bytes.set(part, offsets[i]!));
  return {bytes, offsets};
}

// The codes a Map gives: 1, 2, … in order of first appearance.
function mapCodes(values: readonly string[]): number[] {
  const index = new Map<string, number>();
  return values.map((value) => index.get(value) ?? index.set(value, index.size + 1).get(value)!);
}

test("TextKeys.encode() codes values in order of first appearance, as a Map, past its tables' growth", () => {
  // 3,000 distinct values of 0 to 9 bytes, each seen about four times, near the end of the bytes too.
  let x = 5;
  const values = Array.from({length: 12_000}, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const k = x % 3000;
    return k % 4 === 0
      ? "é".repeat(k % 5)
      : k
          .toString(36)
          .repeat(1 + (k % 3))
          .slice(0, k % 10);
  });
  const {bytes, offsets} = chunk(values);
  const out = new Int32Array(values.length);
  const keys = new TextKeys();
  keys.encode(bytes, offsets, 0, 5000, null, 0, out, 0);
  keys.encode(bytes, offsets, 5000, values.length - 5000, null, 0, out, 5000);
  assert.deepEqual([...out], mapCodes(values));
  const distinct = [...new Set(values)];
  assert.equal(keys.size, distinct.length);
  assert.deepEqual(
    keys.values().map((b) => new TextDecoder().decode(b)),
    distinct
  );
});

test("TextKeys.encode() codes nulls 0, also where null values hold bytes", () => {
  const {bytes, offsets} = chunk(["ab", "", "xyz", "", "ab", "long value"]);
  const bitmap = Uint8Array.from([0b11_0101]); // rows 1 and 3 null; row 1 is empty, row 3 too
  const out = new Int32Array(6);
  new TextKeys().encode(bytes, offsets, 0, 6, bitmap, 0, out, 0);
  assert.deepEqual([...out], [1, 0, 2, 0, 1, 3]);
  // Row 2 ("xyz") null: its bytes do not count; the empty row 1 is a value.
  const holding = Uint8Array.from([0b11_1011]);
  new TextKeys().encode(bytes, offsets, 0, 6, holding, 0, out, 0);
  assert.deepEqual([...out], [1, 2, 0, 2, 1, 3]);
});
