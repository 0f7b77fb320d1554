import assert from "node:assert/strict";
import {execFile} from "node:child_process";
import {cp, mkdtemp, readFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {readTable} from "../../src/cells/dataset/formats/index.ts";

const bin = fileURLToPath(new URL("../../bin/phoenix-notebook.js", import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/notebooks/${name}`, import.meta.url));

function cli(...args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], (error, stdout, stderr) => {
      resolve({code: error ? Number(error.code) : 0, stdout, stderr});
    });
  });
}

async function runJson(...args: string[]) {
  const file = join(await mkdtemp(join(tmpdir(), "phoenix-run-")), "out.json");
  const result = await cli("run", ...args, "--json", file);
  return {
    ...result,
    json: JSON.parse(await readFile(file, "utf8")) as {notebook: string; cells: Record<string, unknown>[]}
  };
}

test("run evaluates every cell and prints one line per cell", async () => {
  const {code, stdout} = await cli("run", fixture("basic.html"));
  assert.equal(code, 0);
  assert.match(stdout, /✓ viewof n\s+3\n/);
  assert.match(stdout, /✓ double\s+6\n/);
  assert.match(stdout, /✓ greeting\s+"hello world"\n/);
  assert.match(stdout, /6 cells: 6 fulfilled, 0 rejected/);
});

test("run --json writes each cell's name, status and JSON value", async () => {
  const {json} = await runJson(fixture("basic.html"));
  assert.equal(json.notebook, fixture("basic.html"));
  assert.deepEqual(json.cells.slice(0, 5), [
    {name: "viewof n", status: "fulfilled", value: 3},
    {name: "double", status: "fulfilled", value: 6},
    {name: "greeting", status: "fulfilled", value: "hello world"},
    {name: "name", status: "fulfilled", value: "world"},
    {name: "list", status: "fulfilled", value: [3, 6, true, "x"]}
  ]);
  assert.deepEqual(json.cells[5], {
    name: null,
    status: "fulfilled",
    value: {type: "element", tag: "h1", text: "n squared is 9"}
  });
});

test("run --set changes a view's value and everything downstream", async () => {
  const {code, json} = await runJson(fixture("basic.html"), "--set", "n=7", "--set", "name=phoenix");
  assert.equal(code, 0);
  const values = Object.fromEntries(json.cells.map((cell) => [cell.name, cell.value]));
  assert.equal(values["viewof n"], 7);
  assert.equal(values["double"], 14);
  assert.equal(values["greeting"], "hello phoenix");
});

test("run --set takes the name as the runner prints it: viewof n sets n, mutable count sets count", async () => {
  // Before: "viewof n=3" replaced the view itself (element.addEventListener is not a function, exit 1), and
  // "mutable count=3" was refused (exit 2).
  const view = await runJson(fixture("basic.html"), "--set", "viewof n=7");
  assert.equal(view.code, 0, view.stderr);
  const values = Object.fromEntries(view.json.cells.map((cell) => [cell.name, cell.value]));
  assert.equal(values["viewof n"], 7);
  assert.equal(values["double"], 14);
  const mutable = await runJson(fixture("mutable.html"), "--set", "mutable count=5");
  assert.equal(mutable.code, 0, mutable.stderr);
  assert.deepEqual(
    mutable.json.cells.map((cell) => [cell.name, cell.value]),
    [
      ["mutable count", 5],
      ["selection", 10],
      ["total", 15]
    ]
  );
});

test("run --set takes a value that is not JSON as a string", async () => {
  const {json} = await runJson(fixture("basic.html"), "--set", "name=big world");
  assert.equal(json.cells.find((cell) => cell.name === "greeting")!.value, "hello big world");
});

test("run exits 1 when a cell throws, and the other cells still run", async () => {
  const {code, json, stdout} = await runJson(fixture("failing.html"));
  assert.equal(code, 1);
  assert.deepEqual(
    json.cells.map((cell) => [cell.name, cell.status]),
    [
      ["a", "fulfilled"],
      ["broken", "rejected"],
      ["dependent", "rejected"],
      ["independent", "fulfilled"]
    ]
  );
  assert.equal(json.cells[1]!.error, "broken (line 9): no data for 1");
  assert.equal(json.cells[2]!.error, "dependent (line 13): waits on broken, which failed: no data for 1");
  assert.match(stdout, /✗ broken\s+broken \(line 9\): no data for 1/);
});

test("run exits 2 for a missing notebook and for a --set name no cell defines", async () => {
  const missing = await cli("run", "no/such/notebook.html");
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no such notebook: no\/such\/notebook\.html/);
  const unknown = await cli("run", fixture("basic.html"), "--set", "m=1");
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /--set m: no cell defines "m" \(cells: n, double, greeting, name, list\)/);
});

test("--version prints the package's version alone, exit 0", async () => {
  const {readFile} = await import("node:fs/promises");
  const {version} = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  for (const flag of ["--version", "-v"]) {
    const {code, stdout, stderr} = await cli(flag);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, `phoenix-notebook ${version}\n`);
  }
});

test("a usage mistake is one line on stderr, exit 2, whatever the parser said", async () => {
  for (const args of [
    ["run", fixture("basic.html"), "--timeout", "-5"],
    ["run"],
    ["frobnicate"],
    ["run", "a.html", "--nope"]
  ]) {
    const {code, stderr} = await cli(...args);
    assert.equal(code, 2, args.join(" "));
    // Before: the message, a blank line and the 20 lines of usage (and Node's own 3-line message for "-5").
    assert.equal(stderr.trimEnd().split("\n").length, 1, stderr);
    assert.match(stderr, /^phoenix-notebook: .+ \(phoenix-notebook --help for usage\)\n$/);
  }
});

test("run refuses a file that is not a notebook, and a --json report that would replace the notebook, exit 2", async () => {
  const notCsv = await cli(
    "run",
    fileURLToPath(new URL("../../notebooks/data/penguins.csv", import.meta.url))
  );
  assert.equal(notCsv.code, 2);
  assert.match(notCsv.stderr, /penguins\.csv is not a notebook \(an \.html file with a <notebook>\)/);
  const dir = await mkdtemp(join(tmpdir(), "phoenix-run-self-"));
  const notebook = join(dir, "basic.html");
  await cp(fixture("basic.html"), notebook);
  const before = await readFile(notebook, "utf8");
  const self = await cli("run", notebook, "--json", notebook);
  assert.equal(self.code, 2);
  assert.match(self.stderr, /--json: \S+basic\.html is the notebook itself/);
  // Before, the report replaced the notebook.
  assert.equal(await readFile(notebook, "utf8"), before);
});

test("run reports cells that can never settle and exits 1, without waiting for the deadline", async () => {
  const {code, json, stdout} = await runJson(fixture("never.html"), "--timeout", "600");
  assert.equal(code, 1);
  assert.deepEqual(
    json.cells.map((cell) => [cell.name, cell.status]),
    [
      ["quick", "fulfilled"],
      ["never", "pending"]
    ]
  );
  assert.match(stdout, /1 unsettled: they wait on something that nothing left running will do/);
});

test("run ends at --timeout while a SQL query is still running: the query is interrupted, not waited for", async () => {
  const file = join(await mkdtemp(join(tmpdir(), "phoenix-run-")), "out.json");
  // A cross join of a million rows each runs for many minutes: before, terminating the thread waited for it.
  const {code, killed} = await new Promise<{code: number | null; killed: boolean}>((resolve) => {
    execFile(
      process.execPath,
      [bin, "run", fixture("sql-endless.html"), "--timeout", "2", "--json", file],
      {timeout: 120_000},
      (error) => resolve({code: error ? (error.code as number | null) : 0, killed: error?.killed ?? false})
    );
  });
  assert.equal(killed, false, "run did not end by itself");
  assert.equal(code, 1);
  const json = JSON.parse(await readFile(file, "utf8")) as {cells: {name: string; status: string}[]};
  assert.deepEqual(
    json.cells.map((cell) => [cell.name, cell.status]),
    [
      ["pairs", "pending"],
      ["quick", "fulfilled"]
    ]
  );
});

test("run: SQL results do not depend on the machine's time zone (the session's is UTC)", async () => {
  for (const zone of ["UTC", "America/New_York", "Asia/Kolkata"]) {
    const file = join(await mkdtemp(join(tmpdir(), "phoenix-run-")), "out.json");
    await new Promise<void>((resolve) =>
      execFile(
        process.execPath,
        [bin, "run", fixture("sql-timezone.html"), "--json", file],
        {env: {...process.env, TZ: zone}},
        () => resolve()
      )
    );
    const json = JSON.parse(await readFile(file, "utf8")) as {cells: {name: string; value: unknown}[]};
    // 2024-01-01T00:00:00Z is 1704067200000 ms after the epoch.
    assert.deepEqual(json.cells[1]!.value, {same: true, midnight: 1704067200000}, zone);
  }
});

test("run: the digits notebook works when no cluster forms (a min cluster size above every cluster)", async () => {
  const settings = {
    project: {nComponents: 2, nNeighbors: 30, minDist: 0, samples: 200},
    cluster: {minClusterSize: 900, minSamples: 1, clusterSelectionEpsilon: 0}
  };
  const {code, json} = await runJson(
    fileURLToPath(new URL("../../notebooks/digits-drift.html", import.meta.url)),
    "--set",
    `settings=${JSON.stringify(settings)}`,
    "--set",
    "exportClicks=1"
  );
  // Before, summary[0] was undefined and the cloud, the table and the export failed; then the export, clicked,
  // failed with "exportRows: empty selection".
  assert.deepEqual(
    json.cells.filter((cell) => cell.status !== "fulfilled").map((cell) => [cell.name, cell.error]),
    []
  );
  assert.equal(code, 0);
  assert.deepEqual(json.cells.find((cell) => cell.name === "summary")!.value, []);
  const exported = json.cells.find((cell) => cell.name === "exported")!.value as {text: string};
  assert.match(exported.text, /^Nothing to export: no points are lassoed and no cluster formed/);
});

test("run --set exportClicks=1 writes the digits notebook's export next to it and prints its path", async () => {
  const directory = await mkdtemp(join(tmpdir(), "phoenix-export-"));
  await cp(fileURLToPath(new URL("../../notebooks/", import.meta.url)), directory, {recursive: true});
  const {code, json} = await runJson(
    join(directory, "digits-drift.html"),
    "--set",
    "exportClicks=1",
    "--set",
    `settings=${JSON.stringify({
      project: {nComponents: 2, nNeighbors: 30, minDist: 0, samples: 200},
      cluster: {minClusterSize: 10, minSamples: 1, clusterSelectionEpsilon: 0}
    })}`
  );
  assert.equal(code, 0);
  const exported = json.cells.find((cell) => cell.name === "exported")!.value as {
    path: string;
    rows: number;
    format: string;
  };
  assert.equal(exported.format, "parquet");
  assert.ok(exported.path.startsWith(join(directory, "exports")), exported.path);
  const {table} = await readTable(exported.path);
  assert.equal(table.numRows, exported.rows);
  assert.equal(table.schema.fields.at(-1)!.name, "__phoenix_cluster_id__");
  assert.equal(table.schema.fields[0]!.name, "prediction_id");
});

test("run evaluates JavaScript cells (type=module) beside classic ones, with --set on an output", async () => {
  const {code, json} = await runJson(fixture("module-cells.html"), "--set", "n=4");
  assert.equal(code, 0);
  assert.deepEqual(
    json.cells.map((cell) => [cell.name, cell.status]),
    [
      [null, "fulfilled"],
      ["format, n", "fulfilled"],
      ["squares", "fulfilled"],
      ["classic", "fulfilled"],
      [null, "fulfilled"]
    ]
  );
  assert.deepEqual(json.cells[2]!.value, {type: "element", tag: "p", text: "sum of squares: 14"});
  assert.equal(json.cells[3]!.value, 4);
  assert.equal(json.cells[4]!.value, 9);
});

test("classic notebooks' require and DOM work offline: bundled libraries by name, installed packages, a missing one named", async () => {
  const {code, json} = await runJson(fixture("classic-stdlib.html"));
  assert.equal(code, 1, "the missing package fails its cell");
  const values = Object.fromEntries(json.cells.map((cell) => [cell.name, cell.value ?? cell.error]));
  assert.equal(values["total"], 6);
  assert.equal(values["formatted"], "25.6%");
  assert.equal(values["chart"], "0 0 100 50 true true");
  assert.equal(values["canvasWidth"], 30);
  assert.equal(
    values["missing"],
    'missing (line 31): cannot import "no-such-package-here@2": no-such-package-here is not installed (npm install no-such-package-here)'
  );
});

test("run shows a JavaScript cell that displays nothing by its outputs, and runs hidden cells", async () => {
  const {code, json} = await runJson(fixture("attributes.html"));
  assert.equal(code, 0);
  assert.deepEqual(
    json.cells.map((cell) => [cell.name, cell.value]),
    [
      ["secretSauce", 42],
      ["helper", 43],
      // The Markdown cell's output attribute names what it renders, as in Notebook Kit.
      ["intro", {type: "element", tag: "p", text: "The helper is 43."}]
    ]
  );
});

test("run compiles TypeScript cells (text/x-typescript): types stripped, a type error's syntax named at its line", async () => {
  const {code, json} = await runJson(fixture("typescript.html"));
  assert.equal(code, 1);
  assert.deepEqual(json.cells[0]!.value, {
    points: {type: "Array", length: 2},
    norm: {type: "function", name: "norm"}
  });
  assert.equal(json.cells[1]!.value, "7.236");
  // Column 28 of the file: 4 spaces of indentation, then `const broken: number = ` (before: 24, of the source).
  assert.equal(json.cells[2]!.error, "line 16:28: Unexpected token");
});

test("run: a TypeScript cell keeps its lines and its imports; import type and type specifiers are dropped", async () => {
  const {code, json} = await runJson(fixture("typescript-imports.html"));
  assert.equal(code, 1);
  assert.equal(json.cells[0]!.status, "fulfilled");
  // tableFromArrays is read by cell 2: an import the cell does not use itself is still its output.
  assert.equal(json.cells[1]!.value, "1,3");
  assert.equal(json.cells[2]!.error, "pair (line 24): thrown on line 24 of the file");
});
