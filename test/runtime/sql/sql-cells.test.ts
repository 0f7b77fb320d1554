// SQL cells headless: the query's result is an Arrow table under the cell's output, `${…}` values are bound
// parameters (never text), files resolve beside the notebook, and errors carry the engine's message and line.
import assert from "node:assert/strict";
import {mkdir, mkdtemp, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {test} from "node:test";
import type {Table} from "apache-arrow";
import nodePlugin from "../../../src/bindings/node.ts";
import type {Dataset} from "../../../src/cells/dataset/dataset.ts";
import {defineHeadless, type HeadlessNotebook} from "../../../src/runtime/headless/open-notebook.ts";
import {parseNotebook} from "../../../src/runtime/notebook/parse.ts";
import {createDuckDB} from "../../../src/runtime/sql/duckdb-node.ts";

const NOTEBOOKS = resolve(import.meta.dirname, "../../../notebooks");

/** Runs notebook cells (script elements) as if the file were notebooks/sql-test.html. */
async function run(...cells: string[]): Promise<HeadlessNotebook> {
  const html = `<!doctype html>\n<notebook>\n<title>t</title>\n${cells.join("\n")}\n</notebook>\n`;
  const path = join(NOTEBOOKS, "sql-test.html");
  const headless = defineHeadless(parseNotebook(html, "sql-test.html"), path, [nodePlugin]);
  assert.ok(await headless.recorder.whenSettled(60_000), "every cell settles");
  return headless;
}

const sql = (attributes: string, text: string) =>
  `<script type="application/sql" database="duckdb" ${attributes}>\n${text}\n</script>`;

/** penguins.csv by hand: the rows as objects of strings. */
async function penguinsCsv(): Promise<Record<string, string>[]> {
  const [header, ...lines] = (await readFile(join(NOTEBOOKS, "data/penguins.csv"), "utf8"))
    .trim()
    .split("\n");
  const names = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((value, i) => [names[i]!, value])));
}

function valueOf(headless: HeadlessNotebook, name: string): unknown {
  const report = headless.recorder.report(name);
  assert.ok(report, `a cell named ${name}`);
  if (report.status === "rejected") throw report.error;
  return report.value;
}

test("a SQL cell's output is an Arrow table of the query's rows", async () => {
  const rows = await penguinsCsv();
  const headless = await run(
    sql(
      'output="counts"',
      'SELECT species, count(*) AS n FROM "data/penguins.csv" GROUP BY species ORDER BY species'
    )
  );
  const table = valueOf(headless, "counts") as Table;
  const expected = new Map<string, number>();
  for (const row of rows) expected.set(row.species!, (expected.get(row.species!) ?? 0) + 1);
  assert.deepEqual(
    table.toArray().map((row) => [row.species, row.n]),
    [...expected].sort(([a], [b]) => a.localeCompare(b))
  );
  assert.equal(String(table.schema.fields[1]!.type), "Float64"); // COUNT(*) is a BIGINT: a double in JavaScript
  headless.runtime.dispose();
});

test("${…} in a SQL cell is a bound parameter that follows its input cell", async () => {
  const rows = await penguinsCsv();
  const heavier = (mass: number) =>
    rows.filter((r) => r.body_mass_g !== "NA" && Number(r.body_mass_g) > mass);
  const headless = await run(
    '<script type="application/vnd.observable.javascript">minMass = 5000</script>',
    sql('output="heavy"', 'SELECT count(*) AS n FROM "data/penguins.csv" WHERE body_mass_g > ${minMass}')
  );
  assert.equal((valueOf(headless, "heavy") as Table).get(0)!.n, heavier(5000).length);
  headless.runtime.setValue("minMass", 4000);
  await headless.recorder.whenSettled(60_000);
  assert.equal((valueOf(headless, "heavy") as Table).get(0)!.n, heavier(4000).length);
  headless.runtime.dispose();
});

test("a parameter holding SQL is a value, never SQL", async () => {
  // Each cell waits on the one before: the table exists, the hostile value is queried, then the table is counted.
  const headless = await run(
    sql('output="made"', "CREATE TABLE t AS SELECT 1 AS one"),
    `<script type="application/vnd.observable.javascript">name = (made, "'; DROP TABLE t; --")</script>`,
    sql('output="echo"', "SELECT ${name} AS name"),
    '<script type="application/vnd.observable.javascript">echoed = echo.get(0).name</script>',
    sql('output="left"', "SELECT count(*) AS n, ${echoed} AS name FROM t")
  );
  assert.equal((valueOf(headless, "echo") as Table).get(0)!.name, "'; DROP TABLE t; --");
  assert.deepEqual((valueOf(headless, "left") as Table).get(0)!.toJSON(), {
    n: 1,
    name: "'; DROP TABLE t; --"
  });
  headless.runtime.dispose();
});

test("a SQL error is the cell's, with the engine's message and the line of the file", async () => {
  // The notebook's lines: 1 doctype, 2 <notebook>, 3 <title>, 4 <script>, 5 SELECT, 6 FROM.
  const headless = await run(sql('output="broken"', "SELECT 1\nFROM no_such_table"));
  const error = headless.recorder.report("broken")!.error!;
  assert.match(error.message, /Catalog Error: Table with name no_such_table does not exist/);
  assert.equal(error.line, 6);
  headless.runtime.dispose();
});

test("an unknown database is the SQL cell's syntax error", async () => {
  const headless = await run(
    '<script type="application/sql" database="oracle" output="x">\nSELECT 1\n</script>'
  );
  const error = headless.recorder.report("x")!.error!;
  assert.equal(error.kind, "syntax");
  assert.match(error.message, /unknown database: "oracle" \(expected duckdb or var:<name>\)/);
  headless.runtime.dispose();
});

test("an output named invalidation, visibility or a reserved word fails that cell only; the others query", async () => {
  // Before: output="invalidation" defined the runtime's own `invalidation`, so every SQL cell (which waits on
  // it) failed with "waits on invalidation, which failed: circular definition"; output="class" was taken.
  const headless = await run(
    sql('output="invalidation"', "SELECT 1 AS a"),
    sql('output="visibility"', "SELECT 2 AS a"),
    sql('output="class"', "SELECT 3 AS a"),
    sql('output="fine"', "SELECT 4 AS a")
  );
  const reports = headless.recorder.reports;
  assert.deepEqual(
    reports.map((report) => [report.status, report.error?.kind ?? null]),
    [
      ["rejected", "syntax"],
      ["rejected", "syntax"],
      ["rejected", "syntax"],
      ["fulfilled", null]
    ]
  );
  assert.equal(
    reports[0]!.error!.message,
    'invalid output name: "invalidation" (it is the runtime\'s own, given to each cell; choose another name)'
  );
  assert.equal(
    reports[2]!.error!.message,
    'invalid output name: "class" (a reserved word: no cell can read it; choose another name)'
  );
  assert.equal((valueOf(headless, "fine") as Table).get(0)!.a, 4);
  headless.runtime.dispose();
});

test("interrupting a SQL cell interrupts its query", async () => {
  // A hash summed over a cross join of 10^12 rows runs for hours (nothing to simplify: a count(*) of a cross
  // join was answered at once on an idle machine): the cell settles only if the interrupt stops the query.
  const headless = defineHeadless(
    parseNotebook(
      '<notebook><script id="1" type="application/sql" output="long">SELECT sum(hash(a.range + b.range)) FROM range(1000000) a, range(1000000) b</script></notebook>'
    ),
    join(NOTEBOOKS, "sql-test.html")
  );
  await new Promise((resolve) => setTimeout(resolve, 1000)); // the engine starts and the query runs
  assert.equal(headless.recorder.report("long")!.status, "pending");
  headless.runtime.interrupt(headless.notebook.cells[0]!.id);
  assert.ok(await headless.recorder.whenSettled(60_000));
  assert.match(headless.recorder.report("long")!.error!.message, /^interrupted/);
  headless.runtime.dispose();
});

test("a query that runs past a second reports its progress, as fractions from 0 to 1", async () => {
  const db = await createDuckDB({threads: 1});
  await db.query("CREATE TABLE t AS SELECT random() AS r FROM range(20000000)");
  const progress: number[] = [];
  const controller = new AbortController();
  const query = db.query("SELECT count(DISTINCT r) FROM t, range(3)", [], {
    signal: controller.signal,
    onProgress: (fraction) => (progress.push(fraction), controller.abort(new Error("seen"))) // one report is enough
  });
  await assert.rejects(query, /seen/);
  assert.ok(progress.length > 0 && progress.every((fraction) => fraction >= 0 && fraction <= 1));
  db.close();
});

test("px.load reads a SQL cell's result as it reads the Parquet file itself", async () => {
  const schema =
    '{predictionId: "prediction_id", timestamp: "prediction_ts", embeddings: {image: {vector: "image_vector"}}}';
  const headless = await run(
    sql('output="rows"', 'SELECT * FROM "data/digits-training.parquet"'),
    `<script type="application/vnd.observable.javascript">viaSql = px.load(rows, {schema: ${schema}})</script>`,
    `<script type="application/vnd.observable.javascript">viaFile = px.load(FileAttachment("data/digits-training.parquet"), {schema: ${schema}})</script>`
  );
  const [viaSql, viaFile] = ["viaSql", "viaFile"].map((name) => valueOf(headless, name) as Dataset);
  assert.equal(viaSql!.numRows, 898);
  assert.deepEqual(viaSql!.predictionIds, viaFile!.predictionIds);
  assert.deepEqual(viaSql!.timestamps, viaFile!.timestamps);
  assert.deepEqual(viaSql!.embeddings.image!.vectors, viaFile!.embeddings.image!.vectors);
  headless.runtime.dispose();
});

test("a SQL cell whose database changes is redefined on update, even though its text did not change", async () => {
  const cells = (database: string) => [
    `<script type="application/vnd.observable.javascript">db = ({query: async () => [{who: "var:db"}]})</script>`,
    `<script type="application/sql" database="${database}" output="r">SELECT 'duckdb' AS who</script>`
  ];
  const headless = await run(...cells("duckdb"));
  assert.equal((valueOf(headless, "r") as Table).get(0)!.toJSON().who, "duckdb");
  const html = `<!doctype html>\n<notebook>\n<title>t</title>\n${cells("var:db").join("\n")}\n</notebook>\n`;
  const summary = headless.runtime.update(parseNotebook(html, "sql-test.html"));
  assert.equal(summary.redefined, 1);
  assert.ok(await headless.recorder.whenSettled(60_000));
  assert.deepEqual(valueOf(headless, "r"), [{who: "var:db"}]);
  headless.runtime.dispose();
});

test("a relative file that the working directory also holds is refused, not read from there instead", async () => {
  // The tests run from the repository, which holds notebooks/data/penguins.csv: a notebook folder with a file
  // of that name must not get the repository's rows.
  const directory = await mkdtemp(join(tmpdir(), "phoenix-shadow-"));
  await mkdir(join(directory, "notebooks/data"), {recursive: true});
  await writeFile(join(directory, "notebooks/data/penguins.csv"), "species\nmine\n");
  const db = await createDuckDB({directory});
  try {
    await assert.rejects(
      db.query(`SELECT * FROM "notebooks/data/penguins.csv"`),
      /names .*notebooks\/data\/penguins\.csv \(the working directory's\), which DuckDB would read instead/
    );
    await writeFile(join(directory, "other.csv"), "species\nmine\n");
    const table = await db.query(`SELECT * FROM "other.csv"`);
    assert.equal(table.get(0)!.toJSON().species, "mine", "a file only the notebook's folder has is read");
  } finally {
    db.close();
  }
});

test("a whole-number parameter is the INTEGER the same number written in the query would be", async () => {
  const headless = await run(
    sql(
      'output="typed"',
      "SELECT round(3.14159, ${2}) AS r, substr('abcdef', ${2}, ${3}) AS s, 'id-' || ${3} AS id,\n" +
        "  (SELECT count(*) FROM range(${3})) AS n, ${2 ** 40} + 1 AS big, ${2.5} * 2 AS x, typeof(${7}) AS t"
    )
  );
  // By hand: round to 2 places, characters 2 to 4, no ".0" after an integer, range(3) has 3 rows, 2^40 + 1.
  assert.deepEqual((valueOf(headless, "typed") as Table).get(0)!.toJSON(), {
    r: 3.14,
    s: "bcd",
    id: "id-3",
    n: 3,
    big: 2 ** 40 + 1,
    x: 5,
    t: "INTEGER"
  });
  headless.runtime.dispose();
});

test("a bigint, a null and a NaN in ${…} are bound as DuckDB reads them written in the query", async () => {
  const headless = await run(
    sql(
      'output="typed"',
      "SELECT typeof(${12n}) AS i, typeof(${2n ** 70n}) AS h, typeof(${null}) AS n, COALESCE(${null}, 1) + 1 AS c,\n" +
        "  typeof(${NaN}) AS d, CAST(${NaN} AS VARCHAR) AS dv"
    )
  );
  // By hand: 12 is an INTEGER, 2^70 a HUGEINT, NULL DuckDB's "NULL" (COALESCE(NULL, 1) the INTEGER 1).
  assert.deepEqual((valueOf(headless, "typed") as Table).get(0)!.toJSON(), {
    i: "INTEGER",
    h: "HUGEINT",
    n: '"NULL"',
    c: 2,
    d: "DOUBLE",
    dv: "nan"
  });
  headless.runtime.dispose();
});

test("a result's numbers and text arrive exactly, nulls included, in every width", async () => {
  const db = await createDuckDB();
  try {
    const table = await db.query(
      "SELECT * FROM (VALUES (1::TINYINT, 2::SMALLINT, 3::INTEGER, 4::UTINYINT, 5::USMALLINT, 6::UINTEGER, 7.5::FLOAT," +
        " 8.25::DOUBLE, 9::BIGINT, 'é漢😀', 1.5::DECIMAL(4,2))," +
        " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)," +
        " (-1, -2, -3, 255, 65535, 4294967295, -0.5, -1e300, -9007199254740991, '', -0.01)) t(a, b, c, d, e, f, g, h, i, s, k)"
    );
    assert.deepEqual(
      table.schema.fields.map((field) => String(field.type)),
      [
        "Int8",
        "Int16",
        "Int32",
        "Uint8",
        "Uint16",
        "Uint32",
        "Float32",
        "Float64",
        "Float64",
        "Utf8",
        "Float64"
      ]
    );
    assert.deepEqual(
      table.toArray().map((row) => Object.values(row.toJSON())),
      [
        [1, 2, 3, 4, 5, 6, 7.5, 8.25, 9, "é漢😀", 1.5],
        [null, null, null, null, null, null, null, null, null, null, null],
        [-1, -2, -3, 255, 65535, 4294967295, -0.5, -1e300, -9007199254740991, "", -0.01]
      ]
    );
    // More rows than one chunk (2,048) and than the first buffers: the growth keeps every value and null.
    const many = await db.query(
      "SELECT CASE WHEN range % 7 = 0 THEN NULL ELSE range END AS n, CASE WHEN range % 5 = 0 THEN NULL ELSE 'row ' || range END AS s FROM range(100000)"
    );
    const n = many.getChild("n")!;
    const s = many.getChild("s")!;
    for (const row of [0, 1, 2047, 2048, 5000, 99999]) {
      assert.equal(n.get(row), row % 7 === 0 ? null : row);
      assert.equal(s.get(row), row % 5 === 0 ? null : `row ${row}`);
    }
    assert.equal(n.nullCount, Math.ceil(100000 / 7));
  } finally {
    db.close();
  }
});

test("DuckDB's ±infinity dates and timestamps are the ends of a JavaScript Date, not the cell's error", async () => {
  const db = await createDuckDB();
  try {
    const table = await db.query(
      "SELECT 'infinity'::TIMESTAMP AS t, '-infinity'::TIMESTAMP AS u, 'infinity'::TIMESTAMPTZ AS z," +
        " 'infinity'::TIMESTAMP_S AS s, '-infinity'::TIMESTAMP_MS AS ms, 'infinity'::TIMESTAMP_NS AS ns," +
        " 'infinity'::DATE AS d, '-infinity'::DATE AS e, '290000-01-01'::TIMESTAMP AS far," +
        " '2024-03-05 06:07:08.009'::TIMESTAMP AS finite, ['infinity'::TIMESTAMP, NULL] AS l"
    );
    // A Date holds ±8.64e15 ms (±10^8 days) around the epoch: +275760-09-13 and -271821-04-20.
    // 2024-03-05T06:07:08.009Z is 1709618828009 ms (Date.UTC(2024, 2, 5, 6, 7, 8, 9)).
    const end = 8_640_000_000_000_000;
    assert.deepEqual(
      Object.fromEntries(
        Object.entries(table.get(0)!.toJSON()).map(([name, value]) => [
          name,
          value !== null && typeof value === "object" ? Array.from(value as Iterable<unknown>) : value
        ])
      ),
      {
        t: end,
        u: -end,
        z: end,
        s: end,
        ms: -end,
        ns: end,
        d: end,
        e: -end,
        far: end,
        finite: 1709618828009,
        l: [end, null]
      }
    );
  } finally {
    db.close();
  }
});

test("TIME is Arrow's Time64 in microseconds and BLOB its Binary bytes, as duckdb-wasm gives them", async () => {
  const db = await createDuckDB();
  try {
    const table = await db.query(
      "SELECT * FROM (VALUES (TIME '12:34:56.789', '\\xAA\\x00abc'::BLOB, [TIME '00:00:00.000001'])," +
        " (NULL, NULL, NULL)) t(t, b, l)"
    );
    assert.deepEqual(
      table.schema.fields.map((field) => String(field.type)),
      ["Time64<MICROSECOND>", "Binary", "List<Time64<MICROSECOND>>"]
    );
    // 12:34:56.789 is (12 × 3600 + 34 × 60 + 56) s + 789 ms = 45,296,789,000 µs; the bytes 0xAA 0x00 "abc".
    const [first, second] = table.toArray().map((row) => row.toJSON());
    assert.equal(first!.t, 45_296_789_000n);
    assert.deepEqual(first!.b, new Uint8Array([0xaa, 0x00, 0x61, 0x62, 0x63]));
    assert.deepEqual(Array.from(first!.l as Iterable<bigint>), [1n]);
    assert.deepEqual(second, {t: null, b: null, l: null});
  } finally {
    db.close();
  }
});

test("TIMETZ is Time64 microseconds of the time as written, its offset dropped, as duckdb-wasm gives it", async () => {
  const db = await createDuckDB();
  try {
    const table = await db.query(
      "SELECT * FROM (VALUES ('12:34:56.789+02'::TIMETZ, ['23:00:00-03:30'::TIMETZ, NULL]), (NULL, NULL)) t(z, l)"
    );
    assert.deepEqual(
      table.schema.fields.map((field) => String(field.type)),
      ["Time64<MICROSECOND>", "List<Time64<MICROSECOND>>"]
    );
    // (12 × 3600 + 34 × 60 + 56) s + 789 ms = 45,296,789,000 µs; 23 × 3600 s = 82,800,000,000 µs (not 02:30 UTC).
    const [first, second] = table.toArray().map((row) => row.toJSON());
    assert.equal(first!.z, 45_296_789_000n);
    assert.deepEqual(Array.from(first!.l as Iterable<bigint>), [82_800_000_000n, null]);
    assert.deepEqual(second, {z: null, l: null});
  } finally {
    db.close();
  }
});

test("an array parameter is the list DuckDB types as the scalar rule does: INTEGER[], BIGINT[], DOUBLE[], VARCHAR[]…", async () => {
  const headless = await run(
    sql(
      'output="lists"',
      "SELECT typeof(${[1, 2, 3]}) AS i, ${[1, -2, null]} AS iv, typeof(${[1, 2 ** 40]}) AS b,\n" +
        "  typeof(${[1.5, 2]}) AS d, ${[1.5, null, -0.25]} AS dv, typeof(${['a']}) AS s,\n" +
        `  \${["a", 'b,"c"', "it's \\\\ [x]", "", null]} AS sv, typeof(\${[true, null]}) AS o, \${[false]} AS ov,\n` +
        '  typeof(${[new Date("2024-03-05T06:07:08.009Z")]}) AS t,\n' +
        '  epoch_ms(${[new Date("2024-03-05T06:07:08.009Z")]}[1]) AS tv, typeof(${[]}) AS e,\n' +
        "  len(${[null, null]}) AS n, list_contains(${[3, 4]}, ${4}) AS c, ${'after'} AS after"
    ),
    sql('output="mixed"', "SELECT ${1} AS one, ${[1, 'a']} AS v"),
    sql('output="nested"', "SELECT ${[[1], [2]]} AS v")
  );
  const row = (valueOf(headless, "lists") as Table).get(0)!.toJSON();
  const plain = Object.fromEntries(
    Object.entries(row).map(([name, value]) => [
      name,
      value !== null && typeof value === "object" ? Array.from(value as Iterable<unknown>) : value
    ])
  );
  // By hand: the types DuckDB gives 1, 2^40, 1.5, 'a', true and a TIMESTAMP in a list; 2024-03-05T06:07:08.009Z
  // is Date.UTC(2024, 2, 5, 6, 7, 8, 9) ms; an empty list's type is DuckDB's "NULL"[].
  assert.deepEqual(plain, {
    i: "INTEGER[]",
    iv: [1, -2, null],
    b: "BIGINT[]",
    d: "DOUBLE[]",
    dv: [1.5, null, -0.25],
    s: "VARCHAR[]",
    sv: ["a", 'b,"c"', "it's \\ [x]", "", null],
    o: "BOOLEAN[]",
    ov: [false],
    t: "TIMESTAMP[]",
    tv: 1709618828009,
    e: '"NULL"[]',
    n: 2,
    c: true,
    after: "after"
  });
  assert.match(
    headless.recorder.report("mixed")!.error!.message,
    /^the 2nd \$\{…\} is an array of numbers and strings: an array parameter holds one kind/
  );
  assert.match(
    headless.recorder.report("nested")!.error!.message,
    /^the 1st \$\{…\} is an array of arrays: an array parameter holds one kind/
  );
  headless.runtime.dispose();
});
