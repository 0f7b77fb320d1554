// What a cell leaves running can still throw while the run lasts (a timer's callback, a promise nobody awaits):
// run reports it, naming the cell its code came from, with the secrets out, and exits 1.
import assert from "node:assert/strict";
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {cli} from "../helpers/cli.ts";

const fixture = fileURLToPath(new URL("../fixtures/notebooks/uncaught.html", import.meta.url));

// Lines of uncaught.html: the throw in cell 1, the Promise.reject in cell 2, the throw in cell 4. In the order
// of the file: the timers' order depends on when each cell could start (leak waits for Inputs to load).
const expected = [
  "uncaught error from z (line 6): async boom",
  "unhandled rejection from scheduled (line 13): nobody waits for this",
  "uncaught error from leak (line 24): 401 for [redacted]",
  "uncaught error outside any cell: Reflect.ownKeys called on non-object"
].sort();

test("run reports errors thrown outside any cell's computation during the run, by cell, redacted, and exits 1", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "phoenix-uncaught-"));
  t.after(() => rm(dir, {recursive: true, force: true}));
  const report = join(dir, "report.json");
  const result = await cli(["run", fixture, "--json", report]);
  assert.equal(result.killed, false, "the run hung");
  // Before: the first timer's error stopped the run ("5 unsettled: the run stopped (async boom)"), and one
  // that fired after the last cell settled was reported nowhere.
  assert.equal(result.code, 1);
  const lines = result.stdout.split("\n");
  assert.deepEqual(
    lines.filter((line) => line.startsWith("✗")).sort(),
    expected.map((text) => `✗ ${text}`)
  );
  assert.match(result.stdout, /\n6 cells: 6 fulfilled, 0 rejected; 4 uncaught errors\n$/);
  assert.doesNotMatch(result.stdout + result.stderr, /hunter2/);
  const json = JSON.parse(await readFile(report, "utf8")) as {uncaught: string[]; cells: {status: string}[]};
  assert.deepEqual([...json.uncaught].sort(), expected);
  assert.ok(json.cells.every((cell) => cell.status === "fulfilled"));
});

test("run of a notebook with no uncaught error writes an empty uncaught list and exits 0", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "phoenix-uncaught-none-"));
  t.after(() => rm(dir, {recursive: true, force: true}));
  const report = join(dir, "report.json");
  const basic = fileURLToPath(new URL("../fixtures/notebooks/basic.html", import.meta.url));
  const result = await cli(["run", basic, "--json", report]);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual((JSON.parse(await readFile(report, "utf8")) as {uncaught: unknown}).uncaught, []);
});

test("run lets a timer due just after the last cell settled fire, and reports what it throws", async () => {
  const later = fileURLToPath(new URL("../fixtures/notebooks/uncaught-later.html", import.meta.url));
  const result = await cli(["run", later]);
  // Before: the run ended as the cells settled, the timer with it: "2 cells: 2 fulfilled, 0 rejected".
  assert.equal(result.code, 1);
  assert.match(
    result.stdout,
    /\n✗ uncaught error from z \(line 6\): async boom\n\n2 cells: 2 fulfilled, 0 rejected; 1 uncaught error\n$/
  );
});
