import assert from "node:assert/strict";
import {test} from "node:test";
import {Binary, Float64, Table, Utf8, vectorFromArray} from "apache-arrow";
import {fromTable} from "../../../src/cells/dataset/from-table.ts";
import {exportRows} from "../../../src/cells/export/export-rows.ts";

// Text a spreadsheet would run as a formula, next to numbers that only look like one.
const TEXT = ["=1+1", "+1", "-3+4", "@SUM(A1)", "\tx", "\rx", "\nx", "\0x", "plain", "a=b", ""];
const NUMBERS = [-3.5, 1, -0.25, 2, 3, 4, 5, 6, 7, 8, 9];

function table(): Table {
  return new Table({
    "=name": vectorFromArray(TEXT, new Utf8()),
    value: vectorFromArray(NUMBERS, new Float64())
  });
}

async function exported(format: "csv" | "jsonl", text = table()) {
  const rows = Array.from({length: text.numRows}, (_, i) => i);
  return exportRows([fromTable(text, "formulas.arrow")], {primary: rows}, {format});
}

/** One text column exported as CSV, its lines (CRLF-ended) after the header. */
async function csvLines(values: string[]): Promise<string[]> {
  const text = new Table({text: vectorFromArray(values, new Utf8())});
  const csv = new TextDecoder().decode((await exported("csv", text)).bytes);
  assert.ok(csv.startsWith("text\r\n") && csv.endsWith("\r\n"), csv);
  return csv.slice("text\r\n".length, -2).split("\r\n");
}

test("exportRows() as CSV prefixes text starting with = + - @ tab CR LF or NUL with ' (OWASP); numbers stay", async () => {
  const csv = new TextDecoder().decode((await exported("csv")).bytes);
  assert.deepEqual(csv.split("\r\n"), [
    "'=name,value",
    "'=1+1,-3.5",
    "'+1,1",
    "'-3+4,-0.25",
    "'@SUM(A1),2",
    `"'\tx",3`,
    `"'\rx",4`,
    `"'\nx",5`,
    "'\0x,6",
    "plain,7",
    "a=b,8",
    ",9",
    ""
  ]);
});

test("exportRows() as CSV quotes a field holding ; or tab: a semicolon or tab import keeps it one cell", async () => {
  // The reviewer's values: in a semicolon locale, x;=1+1 unquoted is two cells, the second a formula.
  assert.deepEqual(await csvLines(["x;=1+1", "x;=cmd|' /C calc'!A0", "a\t=1+1", "a;b", "x\n=1+1"]), [
    `"x;=1+1"`,
    `"x;=cmd|' /C calc'!A0"`,
    `"a\t=1+1"`,
    `"a;b"`,
    `"x\n=1+1"`
  ]);
});

test("exportRows() as CSV escapes OWASP's two examples exactly as its CSV Injection page does", async () => {
  assert.deepEqual(await csvLines(['=1+2";=1+2', "=1+2'\" ;,=1+2"]), [`"'=1+2"";=1+2"`, `"'=1+2'"" ;,=1+2"`]);
});

test("exportRows() as CSV guards = + - @ after leading blanks too, which an import may trim", async () => {
  assert.deepEqual(await csvLines([" =1+1", "\u00a0=1+1", "  -2+3", " @SUM(1)", " plain"]), [
    "' =1+1",
    "'\u00a0=1+1",
    "'  -2+3",
    "' @SUM(1)",
    " plain"
  ]);
});

test("exportRows() as CSV writes the reviewer's hostile values as hand-checked text", async () => {
  const values = [
    '=HYPERLINK("http://evil.example","click")',
    "\n=1+1",
    "\t=1",
    "+1",
    "-1",
    "@SUM(1)",
    "=1,2",
    "ok",
    "\uFF1D1+1", // a fullwidth equals sign: not on OWASP's list, left as it is
    "%0A=1" // percent-encoding is text to a spreadsheet
  ];
  assert.deepEqual(await csvLines(values), [
    `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    `"'\n=1+1"`,
    `"'\t=1"`,
    "'+1",
    "'-1",
    "'@SUM(1)",
    `"'=1,2"`,
    "ok",
    "\uFF1D1+1",
    "%0A=1"
  ]);
});

test("exportRows() as CSV guards binary columns' base64, which can start with +", async () => {
  const bytes = new Table({
    b: vectorFromArray([Uint8Array.of(0xfb, 0xef, 0xbe), Uint8Array.of(0, 255)], new Binary())
  });
  const csv = new TextDecoder().decode((await exported("csv", bytes)).bytes);
  assert.equal(csv, "b\r\n'++++\r\nAP8=\r\n"); // base64: FB EF BE → ++++, 00 FF → AP8=
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
