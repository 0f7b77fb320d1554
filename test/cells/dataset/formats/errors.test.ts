import assert from "node:assert/strict";
import {test} from "node:test";
import {DatasetError} from "../../../../src/cells/dataset/errors.ts";
import {readTable} from "../../../../src/cells/dataset/formats/index.ts";
import {fixture, fixtureBytes} from "./fixtures.ts";

/** The DatasetError that reading `source` throws. */
async function failure(
  source: Parameters<typeof readTable>[0],
  vectorColumns: string[] = []
): Promise<DatasetError> {
  try {
    await readTable(source, {vectorColumns});
  } catch (error) {
    if (error instanceof DatasetError) return error;
    throw error;
  }
  assert.fail("expected a DatasetError");
}

const cases: [file: string, message: RegExp][] = [
  ["empty.csv", /: empty file$/],
  ["unknown.xlsx", /unknown extension "\.xlsx" \(expected \.parquet, .*\.jsonl or \.ndjson/],
  ["not-parquet.parquet", /not a valid Parquet file \(no PAR1 header\)/],
  ["truncated.parquet", /not a valid Parquet file \(no PAR1 footer\)/],
  ["not-arrow.arrow", /not a valid Arrow IPC file/],
  ["not-array.json", /expected an array of objects, found an object/],
  ["not-objects.json", /expected an array of objects, found a number \(row 1\)/],
  ["bad-line.jsonl", /row is not valid JSON: .* \(row 1\)/],
  ["missing.parquet", /no such file/]
];

for (const [file, message] of cases) {
  test(`readTable() names the file and the problem for ${file}`, async () => {
    const error = await failure(fixture(file));
    assert.equal(error.source, fixture(file));
    assert.ok(error.message.startsWith(`${fixture(file)}: `), error.message);
    assert.match(error.message, message);
  });
}

test("readTable() names the column and first rows of CSV cells that are not vectors", async () => {
  const error = await failure(fixture("bad-vectors.csv"), ["embedding"]);
  assert.deepEqual(error.problems, [
    {
      column: "embedding",
      rows: [1, 3, 4],
      values: ["oops", '[1,"x"]', '{"a":1}'],
      message: "3 cells that are not a JSON array of numbers"
    }
  ]);
  assert.match(
    error.message,
    /column "embedding": 3 cells .*: "oops", "\[1,\\"x\\"\]", "\{\\"a\\":1\}" \(rows 1, 3, 4\)$/
  );
});

test("readTable() names the column and rows of JSON values that are not vectors", async () => {
  const rows = [{v: [1, 2]}, {v: "[1, 2]"}, {v: {x: 1}}, {v: [1, "a"]}];
  const error = await failure(rows, ["v"]);
  assert.equal(error.source, "rows");
  assert.deepEqual(error.problems, [
    {
      column: "v",
      rows: [2, 3],
      values: [{x: 1}, [1, "a"]],
      message: "2 cells that are not a JSON array of numbers"
    }
  ]);
});

test("readTable() names the file and column of a corrupt Parquet page", async () => {
  const bytes = fixtureBytes("sample.parquet");
  bytes.fill(0xab, 40, 200); // inside the first column chunks, before the footer
  const error = await failure(new File([bytes], "corrupt.parquet"));
  assert.equal(error.source, "corrupt.parquet");
  assert.ok(error.problems[0]!.column, error.message);
  assert.match(error.message, /^corrupt\.parquet: column "\w+": could not read: /);
});

test("readTable() names an unknown format option and the formats it expected", async () => {
  const file = new File(["a\n1\n"], "a.csv");
  await assert.rejects(
    readTable(file, {format: "xls" as never}),
    /^DatasetError: a\.csv: unknown format "xls" \(expected parquet, arrow, csv, tsv, json or jsonl\)$/
  );
});

test("readTable() reports the rows of a ragged CSV, quoted, instead of dropping or padding fields", async () => {
  const text = "id,x,y\na,1,2\nb,3\nc,4,5,6\nd,7,8,9,10\n";
  const error = await failure(new File([text], "ragged.csv"));
  assert.deepEqual(error.problems, [
    {rows: [1], values: ["b,3"], message: "rows with fewer fields than the header's 3"},
    {
      rows: [2, 3],
      values: ["c,4,5,6", "d,7,8,9,10"],
      message: "rows with more fields than the header's 3 (the extra fields would be lost)"
    }
  ]);
  assert.match(
    error.message,
    /^ragged\.csv: 2 problems\n {2}- rows with fewer fields than the header's 3: "b,3" \(row 1\)\n/
  );
  const tsv = await failure(new File(["a\tb\n1\n"], "ragged.tsv"));
  assert.equal(tsv.message, `ragged.tsv: rows with fewer fields than the header's 2: "1" (row 0)`);
});

test("readTable() reports a vector column's lengths as well as its cells that are not vectors", async () => {
  const text = 'id,v\na,"[1,2,3]"\nb,oops\nc,"[1,2]"\n';
  const error = await failure(new File([text], "mixed.csv"), ["v"]);
  assert.deepEqual(error.problems, [
    {column: "v", rows: [1], values: ["oops"], message: "a cell that is not a JSON array of numbers"},
    {column: "v", message: "vectors of different lengths: 3 (row 0), 2 (row 2)"}
  ]);
});
