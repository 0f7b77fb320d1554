// SQL cells in a built page: duckdb-wasm, self-hosted, gives the same tables as node-api headless on the same
// files (penguins.csv, the digits Parquet) and makes the same DuckDB table of an inserted Arrow table; parameters
// are bound; errors name the line; a page without SQL fetches no DuckDB file.
import assert from "node:assert/strict";
import {copyFile, mkdir, mkdtemp, readdir, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {after, before, test} from "node:test";
import {tableToIPC, type Table} from "apache-arrow";
import type {Browser, Page} from "playwright-core";
import {build} from "../../src/cli/build.ts";
import {openNotebook} from "../../src/runtime/headless/open-notebook.ts";
import {NESTED_QUERY, NESTED_ROWS, NESTED_TYPES, nestedTable} from "../helpers/nested-arrow.ts";
import {TIMES_QUERY, TIMES_ROWS, TIMES_TYPES, timesTable} from "../helpers/times-arrow.ts";
import {launchChromium, openPage, waitForCellText} from "./support/chromium.ts";
import {serveStatic} from "./support/static-server.ts";

let browser: Browser;
const folders: string[] = [];

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await Promise.all(folders.map((folder) => rm(folder, {recursive: true, force: true})));
});

async function folder(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** The SQL fixture beside copies of the real data files it reads. */
async function sqlNotebook(): Promise<string> {
  const dir = await folder("phoenix-sql-src-");
  await mkdir(join(dir, "data"));
  await copyFile("test/fixtures/notebooks/sql-cells.html", join(dir, "sql-cells.html"));
  for (const file of ["penguins.csv", "digits-training.parquet"])
    await copyFile(join("notebooks/data", file), join(dir, "data", file));
  return dir;
}

test("a built page's SQL cells give the same tables as the runner's, on duckdb-wasm from its own site", async () => {
  const dir = await sqlNotebook();
  const headless = await openNotebook(join(dir, "sql-cells.html"));
  assert.ok(await headless.recorder.whenSettled(60_000));
  const expected = headless.recorder.report("summary")!.value as string;
  const typed = (headless.recorder.report("typed")!.value as Table).get(0)!.toJSON();
  const broken = headless.recorder.report("broken")!.error!;
  headless.runtime.dispose();
  const out = await folder("phoenix-sql-out-");
  assert.equal(await build([join(dir, "sql-cells.html"), "--out", out]), 0);
  const assets = await readdir(join(out, "assets"));
  assert.ok(
    assets.some((name) => /^duckdb-eh.*\.wasm$/.test(name)),
    "the build copies duckdb-wasm's module"
  );
  assert.deepEqual((await readdir(join(out, "data"))).sort(), ["digits-training.parquet", "penguins.csv"]);
  const server = await serveStatic(out);
  try {
    const {page, requests, errors} = await openPage(browser);
    await page.goto(`${server.origin}/sql-cells.html`);
    await page.waitForSelector("pre.summary", {timeout: 60_000});
    await page.waitForFunction(() => document.querySelector("pre.summary")?.textContent, null, {
      timeout: 60_000
    });
    assert.equal(await page.$eval("pre.summary", (pre) => pre.textContent), expected);
    // Whole-number parameters are INTEGERs in both engines (the page bound them as DOUBLE: "id-3.0").
    await page.waitForSelector("pre.typed", {timeout: 60_000});
    // 2024-03-05T06:07:08.009Z is 1709618828009 ms after the epoch; a day later, 86,400,000 ms more.
    assert.deepEqual(typed, {
      r: 3.14,
      s: "bcd",
      id: "id-3",
      t: "INTEGER",
      yr: 2024,
      next: 1709618828009 + 86_400_000
    });
    assert.deepEqual(JSON.parse((await page.$eval("pre.typed", (pre) => pre.textContent)) ?? ""), typed);
    await waitForCellText(page, 7, "'; DROP TABLE t; --");
    await waitForCellText(page, 8, "no_such_table does not exist");
    assert.match(
      await page.$eval('.phx-cell[data-cell-id="8"]', (cell) => cell.textContent ?? ""),
      /line 38/
    );
    assert.equal(broken.line, 38);
    assert.equal(await page.locator('.phx-cell[data-cell-id="2"] table th').count(), 5, "a result table");
    await mkdir("test-results", {recursive: true});
    await page.screenshot({path: "test-results/sql-cells.png", fullPage: true});
    assert.deepEqual(errors, []);
    assert.deepEqual(
      requests.filter((url) => new URL(url).origin !== server.origin),
      []
    );
  } finally {
    await server.close();
  }
});

test("a built page without a SQL cell fetches no DuckDB file", async () => {
  const dir = await folder("phoenix-nosql-src-");
  await writeFile(
    join(dir, "plain.html"),
    '<!doctype html>\n<notebook>\n<title>plain</title>\n<script id="1" type="application/vnd.observable.javascript">\nanswer = 6 * 7\n</script>\n</notebook>\n'
  );
  const out = await folder("phoenix-nosql-out-");
  assert.equal(await build([join(dir, "plain.html"), "--out", out]), 0);
  const server = await serveStatic(out);
  try {
    const {page, requests} = await openPage(browser);
    await page.goto(`${server.origin}/plain.html`);
    await waitForCellText(page, 1, "42");
    assert.ok(requests.length > 1);
    assert.deepEqual(
      requests.filter((url) => /duckdb/i.test(url)),
      []
    );
  } finally {
    await server.close();
  }
});

test("a built page's SQL cell cannot fetch from another site: duckdb-wasm's worker runs under the page's policy", async () => {
  // Another site, on this machine: it counts what it is asked for.
  let asked = 0;
  const elsewhere = await serveStatic(await folder("phoenix-elsewhere-"), {
    handle: (_request, response) => {
      asked += 1;
      response
        .writeHead(200, {"Content-Type": "text/csv", "Access-Control-Allow-Origin": "*"})
        .end("who\nelsewhere\n");
      return true;
    }
  });
  const dir = await folder("phoenix-sql-fetch-src-");
  await writeFile(
    join(dir, "fetch.html"),
    `<!doctype html>\n<notebook>\n<title>fetch</title>\n` +
      `<script id="1" type="application/sql" output="own">\nSELECT 40 + 2 AS answer\n</script>\n` +
      `<script id="2" type="application/sql" output="remote">\nSELECT who FROM read_csv('${elsewhere.origin}/x.csv')\n</script>\n` +
      `</notebook>\n`
  );
  const out = await folder("phoenix-sql-fetch-out-");
  assert.equal(await build([join(dir, "fetch.html"), "--out", out, "--no-bake"]), 0);
  const server = await serveStatic(out);
  try {
    const {page} = await openPage(browser);
    await page.goto(`${server.origin}/fetch.html`);
    await waitForCellText(page, 1, "42");
    await page.waitForFunction(
      () => document.querySelector('.phx-cell[data-cell-id="2"]')?.getAttribute("data-status") === "rejected",
      null,
      {timeout: 60_000}
    );
    assert.doesNotMatch(
      await page.$eval('.phx-cell[data-cell-id="2"]', (cell) => cell.textContent ?? ""),
      /elsewhere/
    );
    assert.equal(asked, 0, "the other site was asked for nothing");
  } finally {
    await server.close();
    await elsewhere.close();
  }
});

/**
 * A notebook of `cells` run by the runner (node-api), then built and opened (duckdb-wasm): the runner's value
 * (or error message) of each cell, and the page.
 */
function inBothEngines(...cells: string[]): Promise<{runner: (name: string) => unknown; page: Page}> {
  return inBothEnginesWith({}, ...cells);
}

/** inBothEngines, with `files` (name relative to the notebook → bytes) beside the notebook. */
async function inBothEnginesWith(
  files: Readonly<Record<string, Uint8Array>>,
  ...cells: string[]
): Promise<{runner: (name: string) => unknown; page: Page}> {
  const dir = await folder("phoenix-sql-both-src-");
  const html = `<!doctype html>\n<notebook>\n<title>both</title>\n${cells.join("\n")}\n</notebook>\n`;
  await writeFile(join(dir, "both.html"), html);
  for (const [name, bytes] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), {recursive: true});
    await writeFile(join(dir, name), bytes);
  }
  const headless = await openNotebook(join(dir, "both.html"));
  assert.ok(await headless.recorder.whenSettled(60_000));
  headless.runtime.dispose();
  const runner = (name: string) => {
    const report = headless.recorder.report(name)!;
    return report.error ? report.error.message : report.value;
  };
  const out = await folder("phoenix-sql-both-out-");
  assert.equal(await build([join(dir, "both.html"), "--out", out, "--no-bake"]), 0);
  const server = await serveStatic(out);
  after(() => server.close());
  const {page} = await openPage(browser);
  await page.goto(`${server.origin}/both.html`);
  return {runner, page};
}

/**
 * The text of `<pre class="name">` once the page shows it; the text of the page's failed cells if more than
 * `failing` (those the test means to fail) fail first.
 */
async function shown(page: Page, name: string, failing = 0): Promise<string> {
  const rejected = '.phx-cell[data-status="rejected"]';
  await page.waitForFunction(
    ([name, rejected, failing]) =>
      document.querySelector(`pre.${name}`)?.textContent ||
      document.querySelectorAll(rejected).length > failing,
    [name, rejected, failing] as const,
    {timeout: 60_000}
  );
  const pre = await page.$(`pre.${name}`);
  if (pre) return (await pre.textContent()) ?? "";
  const failed = await page.$$eval(rejected, (cells) => cells.map((cell) => cell.textContent));
  throw new Error(`no pre.${name}; failed cells: ${failed.join(" | ")}`);
}

// A cell that shows a table's column types and first row as JSON: bigints as "<digits>n", lists and bytes as arrays.
const SHOW_FIRST_ROW = `<script type="application/vnd.observable.javascript">
firstRow = (table) => {
  const plain = (value) => typeof value === "bigint" ? \`\${value}n\` :
    value !== null && typeof value === "object" ? Array.from(value, plain) : value;
  return JSON.stringify({
    types: table.schema.fields.map((field) => \`\${field.name}: \${field.type}\`),
    row: Object.entries(table.get(0).toJSON()).map(([name, value]) => [name, plain(value)])
  });
}
</script>`;

test("DuckDB's ±infinity dates and timestamps are the ends of a JavaScript Date in the page as in the runner", async () => {
  const {runner, page} = await inBothEngines(
    SHOW_FIRST_ROW,
    `<script type="application/sql" output="ends">
SELECT 'infinity'::TIMESTAMP AS t, '-infinity'::TIMESTAMP AS u, 'infinity'::TIMESTAMPTZ AS z,
  'infinity'::TIMESTAMP_S AS s, '-infinity'::TIMESTAMP_MS AS ms, 'infinity'::TIMESTAMP_NS AS ns,
  'infinity'::DATE AS d, '-infinity'::DATE AS e, '290000-01-01'::TIMESTAMP AS far,
  '1969-12-31 23:59:59.9995'::TIMESTAMP AS before, '2024-03-05 06:07:08.009'::TIMESTAMP_NS AS finite,
  ['infinity'::TIMESTAMP, NULL] AS l
</script>`,
    `<script type="application/vnd.observable.javascript">endsShown = firstRow(ends)</script>`,
    `<script type="text/html"><pre class="ends">\${endsShown}</pre></script>`
  );
  // A Date holds ±8.64e15 ms around the epoch; 2024-03-05T06:07:08.009Z is Date.UTC(2024, 2, 5, 6, 7, 8, 9); half a
  // millisecond before the epoch falls in its millisecond -1.
  const end = 8_640_000_000_000_000;
  const expected = {
    types: [
      ...["t", "u", "z", "s", "ms", "ns"].map((name) => `${name}: Date64<MILLISECOND>`),
      "d: Date32<DAY>",
      "e: Date32<DAY>",
      ...["far", "before", "finite"].map((name) => `${name}: Date64<MILLISECOND>`),
      "l: List<Date64<MILLISECOND>>"
    ],
    row: [
      ["t", end],
      ["u", -end],
      ["z", end],
      ["s", end],
      ["ms", -end],
      ["ns", end],
      ["d", end],
      ["e", -end],
      ["far", end],
      ["before", -1],
      ["finite", 1709618828009],
      ["l", [end, null]]
    ]
  };
  assert.deepEqual(JSON.parse(String(runner("endsShown"))), expected, "the runner");
  assert.deepEqual(JSON.parse(await shown(page, "ends")), expected, "the page");
});

test("TIME and TIMETZ are Time64 microseconds and BLOB Binary bytes in the runner as in the page", async () => {
  const {runner, page} = await inBothEngines(
    SHOW_FIRST_ROW,
    `<script type="application/sql" output="odd">
SELECT TIME '12:34:56.789' AS t, '\\xAA\\x00abc'::BLOB AS b, [TIME '00:00:00.000001'] AS l,
  '12:34:56.789+02'::TIMETZ AS z, ['23:00:00-03:30'::TIMETZ] AS zl
</script>`,
    `<script type="application/vnd.observable.javascript">oddShown = firstRow(odd)</script>`,
    `<script type="text/html"><pre class="odd">\${oddShown}</pre></script>`
  );
  // 12:34:56.789 is (12 × 3600 + 34 × 60 + 56) s + 789 ms = 45,296,789,000 µs; the bytes 0xAA 0x00 "abc". A
  // TIMETZ is its time as written, the offset dropped: 23:00 is 82,800,000,000 µs (not 02:30 UTC).
  const time = "Time64<MICROSECOND>";
  const expected = {
    types: [`t: ${time}`, "b: Binary", `l: List<${time}>`, `z: ${time}`, `zl: List<${time}>`],
    row: [
      ["t", "45296789000n"],
      ["b", [0xaa, 0x00, 0x61, 0x62, 0x63]],
      ["l", ["1n"]],
      ["z", "45296789000n"],
      ["zl", ["82800000000n"]]
    ]
  };
  assert.deepEqual(JSON.parse(String(runner("oddShown"))), expected, "the runner");
  assert.deepEqual(JSON.parse(await shown(page, "odd")), expected, "the page");
});

test("an array parameter is the same typed list in the page as in the runner, and a mixed one the same error", async () => {
  const {runner, page} = await inBothEngines(
    SHOW_FIRST_ROW,
    `<script type="application/sql" output="lists">
SELECT typeof(\${[1, 2, 3]}) AS i, \${[1, -2, null]} AS iv, typeof(\${[1, 2 ** 40]}) AS b,
  typeof(\${[1.5, 2]}) AS d, \${[1.5, null, -0.25]} AS dv, \${["a", 'b,"c"', "it's \\\\ [x]", "", null]} AS sv,
  typeof(\${[true, null]}) AS o, epoch_ms(\${[new Date("2024-03-05T06:07:08.009Z")]}[1]) AS tv,
  typeof(\${[]}) AS e, list_contains(\${[3, 4]}, \${4}) AS c, \${"after"} AS after
</script>`,
    `<script type="application/vnd.observable.javascript">listsShown = firstRow(lists)</script>`,
    `<script type="text/html"><pre class="lists">\${listsShown}</pre></script>`,
    `<script id="9" type="application/sql" output="mixed">SELECT \${1} AS one, \${[1, "a"]} AS v</script>`
  );
  // By hand: the types DuckDB gives 1, 2^40, 1.5, 'a' and true in a list; 2024-03-05T06:07:08.009Z is
  // Date.UTC(2024, 2, 5, 6, 7, 8, 9) ms; an empty list's type is DuckDB's "NULL"[].
  const expected = {
    types: [
      "i: Utf8",
      "iv: List<Int32>",
      "b: Utf8",
      "d: Utf8",
      "dv: List<Float64>",
      "sv: List<Utf8>",
      "o: Utf8",
      "tv: Float64",
      "e: Utf8",
      "c: Bool",
      "after: Utf8"
    ],
    row: [
      ["i", "INTEGER[]"],
      ["iv", [1, -2, null]],
      ["b", "BIGINT[]"],
      ["d", "DOUBLE[]"],
      ["dv", [1.5, null, -0.25]],
      ["sv", ["a", 'b,"c"', "it's \\ [x]", "", null]],
      ["o", "BOOLEAN[]"],
      ["tv", 1709618828009],
      ["e", '"NULL"[]'],
      ["c", true],
      ["after", "after"]
    ]
  };
  assert.deepEqual(JSON.parse(String(runner("listsShown"))), expected, "the runner");
  assert.deepEqual(JSON.parse(await shown(page, "lists", 1)), expected, "the page");
  const refused = "the 2nd ${…} is an array of numbers and strings: an array parameter holds one kind";
  assert.ok(String(runner("mixed")).startsWith(refused), String(runner("mixed")));
  await waitForCellText(page, 9, refused);
});

test("64-bit integers and decimals in lists and structs are their numbers in the page as in the runner", async () => {
  const {runner, page} = await inBothEngines(
    SHOW_FIRST_ROW,
    `<script type="application/sql" output="wide">
SELECT [1, 9007199254740991, NULL, -3]::BIGINT[] AS l, [-2, 1180591620717411303424]::HUGEINT[] AS h,
  [18446744073709551615]::UBIGINT[] AS u, [1, 2]::UHUGEINT[] AS uh,
  340282366920938463463374607431768211455::UHUGEINT AS uhmax, [[5, NULL]]::BIGINT[][] AS ll,
  [7, -8]::BIGINT[2] AS a, [1.5, -2.25, NULL]::DECIMAL(10,2)[] AS d, [0.1, -123456.789]::DECIMAL(38,6)[] AS dw,
  0.3::DECIMAL(18,17) AS p, 9007199254740993::BIGINT AS big
</script>`,
    `<script type="application/vnd.observable.javascript">wideShown = firstRow(wide)</script>`,
    `<script type="text/html"><pre class="wide">\${wideShown}</pre></script>`,
    `<script type="application/sql" output="nested">
SELECT {'a': [1, 2]::BIGINT[], 'b': 3::BIGINT, 'c': 1.5::DECIMAL(5,2), 'd': [2.5]::DECIMAL(4,1)[]} AS s,
  MAP {'k': 2.5::DECIMAL(4,2)} AS m
</script>`,
    `<script type="application/vnd.observable.javascript">
nestedShown = JSON.stringify({
  types: nested.schema.fields.map((field) => \`\${field.name}: \${field.type}\`),
  values: Object.values(nested.get(0).toJSON()).map((v) => typeof v === "string" ? JSON.parse(v) : v)
})
</script>`,
    `<script type="text/html"><pre class="nested">\${nestedShown}</pre></script>`
  );
  // By hand: 2^53 - 1 = 9007199254740991; 1180591620717411303424 = 2^70; UBIGINT's largest (2^64 - 1) and
  // UHUGEINT's (2^128 - 1) are nearest 2^64 and 2^128 as doubles, and 2^53 + 1 is nearest 2^53 (ties to even);
  // 0.3 with 17 decimals is the double 0.3.
  const list = "List<Float64>";
  const expected = {
    types: [
      `l: ${list}`,
      `h: ${list}`,
      `u: ${list}`,
      `uh: ${list}`,
      "uhmax: Float64",
      `ll: List<${list}>`,
      "a: FixedSizeList[2]<Float64>",
      `d: ${list}`,
      `dw: ${list}`,
      "p: Float64",
      "big: Float64"
    ],
    row: [
      ["l", [1, 9007199254740991, null, -3]],
      ["h", [-2, 2 ** 70]],
      ["u", [2 ** 64]],
      ["uh", [1, 2]],
      ["uhmax", 2 ** 128],
      ["ll", [[5, null]]],
      ["a", [7, -8]],
      ["d", [1.5, -2.25, null]],
      ["dw", [0.1, -123456.789]],
      ["p", 0.3],
      ["big", 2 ** 53]
    ]
  };
  assert.deepEqual(JSON.parse(String(runner("wideShown"))), expected, "the runner");
  assert.deepEqual(JSON.parse(await shown(page, "wide")), expected, "the page");
  // Arrow's Struct and Map in both: the same numbers, and a map's toJSON() its keys' object.
  const nested = {
    types: [
      "s: Struct<{a:List<Float64>, b:Float64, c:Float64, d:List<Float64>}>",
      "m: Map<{key:Utf8, value:Float64}>"
    ],
    values: [{a: [1, 2], b: 3, c: 1.5, d: [2.5]}, {k: 2.5}]
  };
  assert.deepEqual(JSON.parse(String(runner("nestedShown"))), nested, "the runner");
  assert.deepEqual(JSON.parse(await shown(page, "nested")), nested, "the page");
});

// A cell that shows a table's fields (name, `?` when nullable, children after) and rows as JSON, each value by its
// Arrow type: a struct an object, a map {map: [key, value] pairs}, a list an array, typed arrays by their class.
const SHOW_NESTED = `<script type="application/vnd.observable.javascript">
nestedRows = (table) => {
  const plain = (value, type) => {
    if (value === null || value === undefined) return null;
    if (typeof value === "bigint") return \`\${value}n\`;
    if (ArrayBuffer.isView(value)) return {[value.constructor.name]: Array.from(value)};
    // apache-arrow's Type: 12 List, 13 Struct, 16 FixedSizeList, 17 Map (a union's value is its member's).
    if (type.typeId === 13)
      return Object.fromEntries(type.children.map((field) => [field.name, plain(value[field.name], field.type)]));
    if (type.typeId === 17) {
      const [key, item] = type.children[0].type.children;
      return {map: Array.from(value, ([k, v]) => [plain(k, key.type), plain(v, item.type)])};
    }
    if (type.typeId === 12 || type.typeId === 16) return Array.from(value, (v) => plain(v, type.children[0].type));
    return value;
  };
  const names = (field) => [\`\${field.name}\${field.nullable ? "?" : ""}\`, ...(field.type.children ?? []).flatMap(names)];
  const {fields} = table.schema;
  return JSON.stringify({
    types: fields.map((field) => \`\${field.name}: \${field.type}\`),
    names: fields.map(names),
    rows: table.toArray().map((row) => fields.map((field) => plain(row[field.name], field.type)))
  });
}
</script>`;

test("structs, maps, lists of structs, unions, intervals and BITs are the same JavaScript values in the page as in the runner", async () => {
  const {runner, page} = await inBothEngines(
    SHOW_NESTED,
    `<script type="application/sql" output="shapes">
SELECT * FROM (VALUES
  ({'b': 'x', 'a': 1}, {'t': [TIMESTAMP '2024-03-05 06:07:08.009', NULL],
    'n': {'x': 9007199254740991::BIGINT, 'd': DATE '1970-01-02', 'c': 1.5::DECIMAL(4,2)}},
   MAP {'k': 1, 'j': NULL}, MAP {1: [2, 3]::BIGINT[]}, [{'x': 1}, NULL, {'x': NULL}],
   union_value(num := 2)::UNION(num BIGINT, str VARCHAR), INTERVAL '1 month 2 days 3.5 seconds', '101'::BIT,
   '550e8400-e29b-41d4-a716-446655440000'::UUID),
  (NULL, NULL, NULL, NULL, NULL, union_value(str := 'q')::UNION(num BIGINT, str VARCHAR), NULL, NULL, NULL),
  ({'b': NULL, 'a': NULL}, {'t': NULL, 'n': NULL}, MAP {}, NULL, [], NULL, INTERVAL '-3.5 seconds', NULL, NULL)
) t(s, deep, m, mi, ls, u, i, b, id)
</script>`,
    `<script type="application/vnd.observable.javascript">shapesShown = nestedRows(shapes)</script>`,
    `<script type="text/html"><pre class="shapes">\${shapesShown}</pre></script>`,
    `<script type="application/vnd.observable.javascript">
picked = {
  const row = shapes.get(0);
  return JSON.stringify([row.s.a, row.deep.n.x, row.m.k, row.mi.toJSON(), row.ls.get(0).x, row.u]);
}
</script>`,
    `<script type="text/html"><pre class="picked">\${picked}</pre></script>`
  );
  // By hand: 2024-03-05T06:07:08.009Z is Date.UTC(2024, 2, 5, 6, 7, 8, 9) ms and 1970-01-02 is 86,400,000 ms;
  // 3.5 s is 3,500,000,000 ns, whose low 32-bit word read signed is 3,500,000,000 - 2^32 = -794,967,296 (high
  // word 0), and -3.5 s is -1 × 2^32 + 794,967,296; '101' is 5 padding bits then 101, 0b11111101 = 253.
  const expected = {
    types: [
      "s: Struct<{b:Utf8, a:Int32}>",
      "deep: Struct<{t:List<Date64<MILLISECOND>>, n:Struct<{x:Float64, d:Date32<DAY>, c:Float64}>}>",
      "m: Map<{key:Utf8, value:Int32}>",
      "mi: Map<{key:Int32, value:List<Float64>}>",
      "ls: List<Struct<{x:Int32}>>",
      "u: Union<Float64 | Utf8>",
      "i: Interval<MONTH_DAY_NANO>",
      "b: Binary",
      "id: Utf8"
    ],
    names: [
      ["s?", "b?", "a?"],
      ["deep?", "t?", "l?", "n?", "x?", "d?", "c?"],
      ["m?", "entries", "key", "value?"],
      ["mi?", "entries", "key", "value?", "l?"],
      ["ls?", "l?", "x?"],
      ["u?", "num?", "str?"],
      ["i?"],
      ["b?"],
      ["id?"]
    ],
    rows: [
      [
        {b: "x", a: 1},
        {t: [1709618828009, null], n: {x: 9007199254740991, d: 86_400_000, c: 1.5}},
        {
          map: [
            ["k", 1],
            ["j", null]
          ]
        },
        {map: [[1, [2, 3]]]},
        [{x: 1}, null, {x: null}],
        2,
        {Int32Array: [1, 2, -794_967_296, 0]},
        {Uint8Array: [5, 253]},
        "550e8400-e29b-41d4-a716-446655440000"
      ],
      [null, null, null, null, null, "q", null, null, null],
      [
        {b: null, a: null},
        {t: null, n: null},
        {map: []},
        null,
        [],
        null,
        {Int32Array: [0, 0, 794_967_296, -1]},
        null,
        null
      ]
    ]
  };
  assert.deepEqual(JSON.parse(String(runner("shapesShown"))), expected, "the runner");
  assert.deepEqual(JSON.parse(await shown(page, "shapes")), expected, "the page");
  const picked = [1, 9007199254740991, 1, {1: [2, 3]}, 1, 2];
  assert.deepEqual(JSON.parse(String(runner("picked"))), picked, "the runner");
  assert.deepEqual(JSON.parse(await shown(page, "picked")), picked, "the page");
});

test("a scalar parameter is the same DuckDB type in the page as in the runner: in a SQL cell, db.query and db.sql", async () => {
  const {runner, page} = await inBothEngines(
    `<script type="application/sql" output="cellTypes">
SELECT typeof(\${12n}) AS i, typeof(\${2n ** 70n}) AS h, typeof(\${null}) AS n, COALESCE(\${null}, 1) + 1 AS c,
  typeof(\${NaN}) AS d, CAST(\${NaN} AS VARCHAR) AS dv
</script>`,
    `<script type="application/vnd.observable.javascript">cellShown = JSON.stringify(cellTypes.get(0).toJSON())</script>`,
    `<script type="text/html"><pre class="cell">\${cellShown}</pre></script>`,
    `<script type="application/vnd.observable.javascript">
clientShown = {
  const db = await DuckDBClient.of({});
  const values = [7, 2 ** 40, 1.5, 12n, 2n ** 70n, new Date("2024-03-05T06:07:08.009Z"), true, "s", null, NaN];
  const typed = async (query) => {
    try {
      return Object.values((await query).get(0).toJSON());
    } catch (error) {
      return ["error", error.message];
    }
  };
  const query = [], sql = [];
  for (const v of values) {
    query.push(await typed(db.query("SELECT typeof(?) AS t, CAST(? AS VARCHAR) AS s", [v, v])));
    sql.push(await typed(db.sql\`SELECT typeof(\${v}) AS t, CAST(\${v} AS VARCHAR) AS s\`));
  }
  const {n} = await db.queryRow("SELECT COALESCE(?, 1) + 1 AS n", [null]);
  return JSON.stringify({query, sql, n});
}
</script>`,
    `<script type="text/html"><pre class="client">\${clientShown}</pre></script>`
  );
  // By hand: the types DuckDB gives the same values written in a query (2^40 = 1099511627776, 2^70 =
  // 1180591620717411303424); NULL's own type, so COALESCE(NULL, 1) is the INTEGER 1; the Date in UTC.
  const cell = {i: "INTEGER", h: "HUGEINT", n: '"NULL"', c: 2, d: "DOUBLE", dv: "nan"};
  assert.deepEqual(JSON.parse(String(runner("cellShown"))), cell, "the runner");
  assert.deepEqual(JSON.parse(await shown(page, "cell")), cell, "the page");
  const scalars = [
    ["INTEGER", "7"],
    ["BIGINT", "1099511627776"],
    ["DOUBLE", "1.5"],
    ["INTEGER", "12"],
    ["HUGEINT", "1180591620717411303424"],
    ["TIMESTAMP", "2024-03-05 06:07:08.009"],
    ["BOOLEAN", "true"],
    ["VARCHAR", "s"],
    ['"NULL"', null],
    ["DOUBLE", "nan"]
  ];
  const client = {query: scalars, sql: scalars, n: 2};
  assert.deepEqual(JSON.parse(String(runner("clientShown"))), client, "the runner");
  assert.deepEqual(JSON.parse(await shown(page, "client")), client, "the page");
});

test("an Arrow table from a cell becomes the same DuckDB table in the page as in the runner: structs, maps, unions, intervals, bytes, decimals", async () => {
  const {runner, page} = await inBothEnginesWith(
    {"data/nested.arrow": tableToIPC(nestedTable(), "file")},
    `<script type="application/vnd.observable.javascript">
db = DuckDBClient.of({t: await FileAttachment("data/nested.arrow").arrow()})
</script>`,
    `<script type="application/sql" database="var:db" output="insertedTypes">
SELECT data_type FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position
</script>`,
    `<script type="application/sql" database="var:db" output="insertedRows">\n${NESTED_QUERY}\n</script>`,
    `<script type="application/vnd.observable.javascript">
insertedShown = JSON.stringify({
  types: insertedTypes.toArray().map((row) => row.data_type),
  rows: insertedRows.toArray().map((row) => row.toJSON())
})
</script>`,
    `<script type="text/html"><pre class="inserted">\${insertedShown}</pre></script>`
  );
  // What duckdb-wasm's Arrow insert makes of the table (see test/helpers/nested-arrow.ts for the values by hand).
  const expected = {types: NESTED_TYPES, rows: NESTED_ROWS};
  assert.deepEqual(JSON.parse(String(runner("insertedShown"))), expected, "the runner");
  assert.deepEqual(JSON.parse(await shown(page, "inserted")), expected, "the page");
});

test("an Arrow table's timestamps of each unit, times, durations and nulls become the same DuckDB columns in the page as in the runner", async () => {
  const {runner, page} = await inBothEnginesWith(
    {"data/times.arrow": tableToIPC(timesTable(), "file")},
    `<script type="application/vnd.observable.javascript">
db = DuckDBClient.of({t: await FileAttachment("data/times.arrow").arrow()})
</script>`,
    `<script type="application/sql" database="var:db" output="timeTypes">
SELECT data_type FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position
</script>`,
    `<script type="application/sql" database="var:db" output="timeRows">\n${TIMES_QUERY}\n</script>`,
    `<script type="application/vnd.observable.javascript">
timesShown = JSON.stringify({
  types: timeTypes.toArray().map((row) => row.data_type),
  rows: timeRows.toArray().map((row) => row.toJSON())
})
</script>`,
    `<script type="text/html"><pre class="times">\${timesShown}</pre></script>`
  );
  // See test/helpers/times-arrow.ts for the values by hand.
  const expected = {types: TIMES_TYPES, rows: TIMES_ROWS};
  assert.deepEqual(JSON.parse(String(runner("timesShown"))), expected, "the runner");
  assert.deepEqual(JSON.parse(await shown(page, "times")), expected, "the page");
});
