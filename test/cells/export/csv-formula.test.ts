import assert from "node:assert/strict";
import {test} from "node:test";
import {Float64, Table, Utf8, vectorFromArray} from "apache-arrow";
import {fromTable} from "../../../src/cells/dataset/from-table.ts";
import {exportRows} from "../../../src/cells/export/export-rows.ts";

// Text a spreadsheet would run as a formula, next to numbers that only look like one.
const TEXT = ["=1+1", "+1", "-3+4", "@SUM(A1)", "\tx", "\rx", "plain", "a=b", ""];
const NUMBERS = [-3.5, 1, -0.25, 2, 3, 4, 5, 6, 7];

function table(): Table {
  return new Table({
    "=name": vectorFromArray(TEXT, new Utf8()),
    value: vectorFromArray(NUMBERS, new Float64())
  });
}

async function exported(format: "csv" | "jsonl") {
  const rows = TEXT.map((_, i) => i);
  return exportRows([fromTable(table(), "formulas.arrow")], {primary: rows}, {format});
}

test("exportRows() as CSV prefixes text starting with = + - @ tab or CR with ' (OWASP); numbers stay", async () => {
  const csv = new TextDecoder().decode((await exported("csv")).bytes);
  assert.deepEqual(csv.split("\r\n"), [
    "'=name,value",
    "'=1+1,-3.5",
    "'+1,1",
    "'-3+4,-0.25",
    "'@SUM(A1),2",
    "'\tx,3",
    `"'\rx",4`,
    "plain,5",
    "a=b,6",
    ",7",
    ""
  ]);
});

test("exportRows() as JSONL keeps the same text exact: only CSV is opened by spreadsheets", async () => {
  const lines = new TextDecoder()
    .decode((await exported("jsonl")).bytes)
    .trim()
    .split("\n");
  assert.deepEqual(
    lines.map((line) => JSON.parse(line) as unknown),
    TEXT.map((text, i) => ({"=name": text, value: NUMBERS[i]}))
  );
});
