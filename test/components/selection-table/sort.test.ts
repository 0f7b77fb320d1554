// The selection table's sort order, against orders written out by hand: numbers by value, text as a reader
// reads it (English, digits by their number), numbers before text and empty cells last in either direction,
// the selection's order kept among equals.
import assert from "node:assert/strict";
import {test} from "node:test";
import type {TableColumn} from "../../../src/components/selection-table/columns.ts";
import {sortedOrder} from "../../../src/components/selection-table/sort.ts";

const column = (values: readonly unknown[]): TableColumn => ({
  key: "c",
  label: "c",
  kind: "text",
  value: (i) => values[i]
});
/** The values in the order sortedOrder() lists them. */
const sorted = (values: readonly unknown[], direction: "ascending" | "descending") =>
  [...sortedOrder(values.length, column(values), {key: "c", direction})].map((i) => values[i]);

// Lower case before upper case, an accent after both (English collation); "word 10" after "word 9".
const TRICKY = [
  "word 10",
  "Elan",
  null,
  "word 9",
  "élan",
  "Word 2",
  3,
  "word 2",
  "apple",
  "elan",
  "word 1",
  -1
];

test("sortedOrder() puts numbers first, text in reading order, and empty cells last", () => {
  assert.deepEqual(sorted(TRICKY, "ascending"), [
    -1,
    3,
    "apple",
    "elan",
    "Elan",
    "élan",
    "word 1",
    "word 2",
    "Word 2",
    "word 9",
    "word 10",
    null
  ]);
});

test("sortedOrder() descending reverses numbers and text, still numbers first and empty cells last", () => {
  assert.deepEqual(sorted(TRICKY, "descending"), [
    3,
    -1,
    "word 10",
    "word 9",
    "Word 2",
    "word 2",
    "word 1",
    "élan",
    "Elan",
    "elan",
    "apple",
    null
  ]);
});

test("sortedOrder() keeps the selection's order among equal values, in either direction", () => {
  // "word 01" reads as "word 1"; NaN and undefined are empty like null.
  const values = ["word 1", null, 2, "word 01", NaN, 2, "b", undefined, "b"];
  for (const direction of ["ascending", "descending"] as const) {
    const order = [...sortedOrder(values.length, column(values), {key: "c", direction})];
    const pos = (i: number) => order.indexOf(i);
    assert.ok(pos(0) < pos(3), `"word 1" before "word 01", ${direction}`);
    assert.ok(pos(2) < pos(5), `2 before 2, ${direction}`);
    assert.ok(pos(6) < pos(8), `b before b, ${direction}`);
    assert.deepEqual(order.slice(-3), [1, 4, 7], `empty cells last, ${direction}`);
  }
});

test("sortedOrder() orders infinities and dates as numbers", () => {
  const values = [Infinity, new Date(2024, 1, 2), -Infinity, new Date(2023, 5, 1), 0, Infinity];
  assert.deepEqual(
    [...sortedOrder(values.length, column(values), {key: "c", direction: "ascending"})],
    [2, 4, 3, 1, 0, 5]
  );
});

test("sortedOrder() lists 3,000 shuffled 'word N' by N, and as selected without a sort", () => {
  const n = 3000;
  const texts = Array.from({length: n}, (_, i) => `word ${(i * 7919) % n}`);
  const order = sortedOrder(n, column(texts), {key: "c", direction: "ascending"});
  assert.deepEqual(
    [...order].map((i) => texts[i]),
    Array.from({length: n}, (_, k) => `word ${k}`)
  );
  assert.deepEqual([...sortedOrder(4, column(texts), null)], [0, 1, 2, 3]);
});
