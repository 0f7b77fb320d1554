// DuckDBClient headless (node-api): Notebook Kit's API over an Arrow table, an array of objects and
// FileAttachments (Arrow, CSV, Parquet), checked against the files read without DuckDB; parameters bound;
// errors carry the query's line.
import assert from "node:assert/strict";
import {copyFile, mkdir, mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {DateDay, Int64, Table, tableFromIPC, vectorFromArray} from "apache-arrow";
import {parquetMetadata} from "hyparquet";
import {openNotebook} from "../../../src/runtime/headless/open-notebook.ts";
import {SqlError} from "../../../src/runtime/sql/database.ts";
import {duckDBClientClass} from "../../../src/runtime/sql/duckdb-client.ts";
import {createDuckDB} from "../../../src/runtime/sql/duckdb-node.ts";
import {timesTable} from "../../helpers/times-arrow.ts";

const DuckDBClient = duckDBClientClass(() => createDuckDB());
const folders: string[] = [];
after(() => Promise.all(folders.map((dir) => rm(dir, {recursive: true, force: true}))));

/** The fixture notebook beside copies of the real files it reads. */
async function duckDBClientNotebook(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "phoenix-duckclient-"));
  folders.push(dir);
  await mkdir(join(dir, "data"));
  await copyFile("test/fixtures/notebooks/duckdb-client.html", join(dir, "duckdb-client.html"));
  await copyFile("test/fixtures/datasets/sample.arrow", join(dir, "data/sample.arrow"));
  for (const file of ["penguins.csv", "digits-training.parquet"])
    await copyFile(join("notebooks/data", file), join(dir, "data", file));
  return dir;
}

/** What the fixture's `plain` makes of a table, computed here on apache-arrow's own reading of the file. */
function plain(table: Table): unknown[][] {
  return table
    .toArray()
    .map((row) =>
      Object.values(row.toJSON()).map((value) =>
        value === null || typeof value !== "object" ? value : Array.from(value as Iterable<number>)
      )
    );
}

test("DuckDBClient.of in a notebook: Arrow, arrays and files become tables; queries answer as the files say", async () => {
  const dir = await duckDBClientNotebook();
  const headless = await openNotebook(join(dir, "duckdb-client.html"));
  assert.ok(await headless.recorder.whenSettled(60_000));
  const summary = JSON.parse(headless.recorder.report("summary")!.value as string);
  const sample = tableFromIPC(await readFile("test/fixtures/datasets/sample.arrow"));
  const bySample = plain(sample).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  assert.deepEqual(summary.sample, bySample);
  assert.deepEqual(summary.file, bySample);
  assert.deepEqual(
    summary.tables.map((t: {name: string}) => t.name),
    ["digits", "file", "penguins", "people", "sample"]
  );
  assert.deepEqual(
    summary.columns.map((c: {name: string; type: string}) => `${c.name} ${c.type}`),
    ["id string", "timestamp date", "score number", "category string", "flag boolean", "embedding other"]
  );
  // penguins.csv by hand: the species of each row heavier than 4000 g.
  const [header, ...lines] = (await readFile("notebooks/data/penguins.csv", "utf8")).trim().split("\n");
  const mass = header!.split(",").indexOf("body_mass_g");
  const counts = new Map<string, number>();
  for (const cells of lines.map((line) => line.split(",")))
    if (cells[mass] !== "NA" && Number(cells[mass]) > 4000)
      counts.set(cells[0]!, (counts.get(cells[0]!) ?? 0) + 1);
  assert.deepEqual(
    summary.species,
    [...counts].sort(([a], [b]) => a.localeCompare(b))
  );
  const digits = parquetMetadata(
    (await readFile("notebooks/data/digits-training.parquet")).buffer as ArrayBuffer
  );
  assert.deepEqual(summary.digits, {n: Number(digits.num_rows)});
  assert.deepEqual(summary.adult, {name: "Ann", age: 31});
  assert.equal(summary.nobody, null);
  assert.deepEqual(summary.hostile, {v: "'; DROP TABLE people; --", n: 3});
  headless.runtime.dispose();
});

test("a SQL cell on var:db binds its ${…} and names the notebook line of its error", async () => {
  const dir = await duckDBClientNotebook();
  const headless = await openNotebook(join(dir, "duckdb-client.html"));
  assert.ok(await headless.recorder.whenSettled(60_000));
  const echo = headless.recorder.report("echo")!.value as Table;
  assert.deepEqual(echo.get(0)!.toJSON(), {value: "'; DROP TABLE people; --", people: 3});
  const broken = headless.recorder.report("broken")!.error!;
  assert.equal(broken.line, 44);
  assert.match(broken.message, /no_such_table does not exist/);
  headless.runtime.dispose();
});

test("db.query's error is a SqlError with the query's line", async () => {
  const db = await DuckDBClient.of({t: [{x: 1}]});
  const error = await db.query("SELECT x\nFROM t\nWHERE nope = 1").catch((e: unknown) => e);
  assert.ok(error instanceof SqlError);
  assert.equal(error.queryLine, 3);
  assert.match(error.message, /nope/);
  db.close();
});

test("a table name holding SQL is a name, and a parameter holding SQL is a value", async () => {
  const name = 'x"; DROP TABLE y; --';
  const db = await DuckDBClient.of({[name]: [{v: 1}], y: [{v: 2}]});
  assert.deepEqual((await db.describeTables()).map((t) => t.name).sort(), [name, "y"].sort());
  const row = await db.queryRow(`SELECT ? AS s, (SELECT v FROM ${db.escape(name)}) AS v`, ["' OR 1=1; --"]);
  assert.deepEqual(row, {s: "' OR 1=1; --", v: 1});
  db.close();
});

test("Int64, dates and nulls of an Arrow table arrive as DuckDB's BIGINT, DATE and NULL", async () => {
  const table = new Table({
    big: vectorFromArray([2n ** 40n, null, -3n], new Int64()),
    day: vectorFromArray([new Date(Date.UTC(2024, 1, 29)), null, new Date(0)], new DateDay())
  });
  const db = await DuckDBClient.of({t: table});
  assert.deepEqual(
    (await db.describeColumns({table: "t"})).map((c) => c.databaseType),
    ["BIGINT", "DATE"]
  );
  const row = await db.queryRow(
    "SELECT sum(big) AS s, count(big) AS n, max(day)::VARCHAR AS last, count(day) AS days FROM t"
  );
  assert.deepEqual(row, {s: 2 ** 40 - 3, n: 2, last: "2024-02-29", days: 2});
  db.close();
});

test("a timestamp of any unit is a date column to describeColumns, as TIMESTAMP is", async () => {
  const db = await DuckDBClient.of({t: timesTable()});
  const columns = await db.describeColumns({table: "t"});
  assert.deepEqual(
    columns.slice(0, 5).map((c) => `${c.name} ${c.type} ${c.databaseType}`),
    [
      "s date TIMESTAMP_S",
      "ms date TIMESTAMP_MS",
      "us date TIMESTAMP",
      "ns date TIMESTAMP_NS",
      "tz date TIMESTAMP WITH TIME ZONE"
    ]
  );
  db.close();
});

test("an unknown source is refused, naming the table", async () => {
  await assert.rejects(DuckDBClient.of({t: 42 as never}), /table "t": invalid source/);
  await assert.rejects(
    DuckDBClient.of({t: {name: "x.xlsx", arrow: async () => new Table()}}),
    /table "t": cannot read "x.xlsx"/
  );
});

test("an array in db.query or db.sql is the typed list a SQL cell's ${…} is; a mixed one is refused", async () => {
  const db = await DuckDBClient.of({});
  // The `?` in a string and in a comment are no placeholders.
  const row = await db.queryRow(
    "SELECT typeof(?) AS t, ? AS v, typeof(?) AS d, list_contains(?, 4) AS c, '?' AS q, ? AS after -- ?",
    [[1, 2], [1, -2, null], [1.5, 2], [3, 4], "x"]
  );
  assert.deepEqual(
    {...row, v: Array.from(row!.v as Iterable<number>)},
    {t: "INTEGER[]", v: [1, -2, null], d: "DOUBLE[]", c: true, q: "?", after: "x"}
  );
  const table = await db.sql`SELECT typeof(${[1, 2 ** 40]}) AS b, ${["a", 'b,"c"', null]} AS s, ${7} AS n`;
  const {b, s, n} = table.get(0)!.toJSON();
  assert.deepEqual([b, Array.from(s as Iterable<string>), n], ["BIGINT[]", ["a", 'b,"c"', null], 7]);
  const oneKind = /an array parameter holds one kind \(numbers, strings, booleans or Dates; nulls aside\)/;
  const mixed = await db.query("SELECT ?, ?", [1, [1, "a"]]).catch((e: unknown) => e);
  assert.ok(mixed instanceof SqlError);
  assert.match(mixed.message, /^the 2nd parameter is an array of numbers and strings: /);
  assert.match(mixed.message, oneKind);
  const mixedSql = await db.sql`SELECT ${[true, 1]}`.catch((e: unknown) => e);
  assert.ok(mixedSql instanceof SqlError);
  assert.match(mixedSql.message, /^the 1st \$\{…\} is an array of booleans and numbers: /);
  assert.match(mixedSql.message, oneKind);
  db.close();
});

test("a scalar in db.query or db.sql is bound as a SQL cell's ${…} is, whichever the engine", async () => {
  const db = await DuckDBClient.of({});
  // By hand: the types DuckDB gives the same values written in a query; 2^40 = 1099511627776 and
  // 2^70 = 1180591620717411303424; 2024-03-05T06:07:08.009Z as DuckDB writes a TIMESTAMP; null is a bare NULL.
  const cases: [unknown, [string, string | null]][] = [
    [7, ["INTEGER", "7"]],
    [2 ** 40, ["BIGINT", "1099511627776"]],
    [1.5, ["DOUBLE", "1.5"]],
    [12n, ["INTEGER", "12"]],
    [2n ** 40n, ["BIGINT", "1099511627776"]],
    [2n ** 70n, ["HUGEINT", "1180591620717411303424"]],
    [new Date("2024-03-05T06:07:08.009Z"), ["TIMESTAMP", "2024-03-05 06:07:08.009"]],
    [true, ["BOOLEAN", "true"]],
    ["s", ["VARCHAR", "s"]],
    [null, ['"NULL"', null]],
    [undefined, ['"NULL"', null]],
    [NaN, ["DOUBLE", "nan"]],
    [-Infinity, ["DOUBLE", "-inf"]]
  ];
  for (const [value, expected] of cases) {
    const row = await db.queryRow("SELECT typeof(?) AS t, CAST(? AS VARCHAR) AS s", [value, value]);
    assert.deepEqual([row!.t, row!.s], expected, `db.query: ${String(value)}`);
    const table = await db.sql`SELECT typeof(${value}) AS t, CAST(${value} AS VARCHAR) AS s`;
    assert.deepEqual(Object.values(table.get(0)!.toJSON()), expected, `db.sql: ${String(value)}`);
  }
  // A null is typed by where it stands, as a NULL written there: COALESCE(NULL, 1) is an INTEGER.
  assert.deepEqual(await db.queryRow("SELECT COALESCE(?, 1) + 1 AS n", [null]), {n: 2});
  // An invalid Date is no TIMESTAMP (the page bound it as NULL, Node failed converting NaN to a bigint).
  await assert.rejects(
    db.query("SELECT 1, ?", [1, new Date(NaN)]),
    /^SqlError: the 2nd parameter is an invalid Date$/
  );
  db.close();
});
