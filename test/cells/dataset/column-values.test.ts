import assert from "node:assert/strict";
import {test} from "node:test";
import {Dictionary, Float32, Int16, Int32, Int64, Table, Utf8, vectorFromArray} from "apache-arrow";
import {discreteValues, numericValues} from "../../../src/cells/dataset/column-values.ts";

test("numericValues() reads sliced chunks with nulls as NaN, whatever the numeric type", () => {
  for (const type of [new Float32(), new Int16(), new Int64()]) {
    const values = type instanceof Int64 ? [1n, null, 3n, 4n, null, 6n] : [1, null, 3, 4, null, 6];
    const whole = new Table({x: vectorFromArray(values, type)});
    const pieces = whole.slice(1, 4).concat(whole.slice(4));
    assert.deepEqual([...numericValues(pieces.getChild("x")!)], [NaN, 3, 4, NaN, 6], String(type));
  }
});

test("numericValues() reads text, plain or dictionary-encoded, as NaN, as toNumber does each string", () => {
  const labels = ["3", null, "7", "é"];
  const plain = new Table({x: vectorFromArray(labels, new Utf8())});
  const dictionary = new Table({x: vectorFromArray(labels, new Dictionary(new Utf8(), new Int32()))});
  for (const table of [plain, dictionary]) {
    const column = table.getChild("x")!;
    assert.deepEqual([...numericValues(column)], [NaN, NaN, NaN, NaN], String(column.type));
  }
});

test("discreteValues() reads text chunks (sliced, with nulls, ASCII or not) as the Arrow iterator does", () => {
  for (const values of [
    ["a", null, "bb", "", "ccc", null],
    ["é", null, "ü", "x", "y", "z"]
  ]) {
    const whole = new Table({x: vectorFromArray(values, new Utf8())});
    const pieces = whole.slice(1, 4).concat(whole.slice(4));
    assert.deepEqual(discreteValues(pieces.getChild("x")!), values.slice(1));
  }
});
