// What `run` reports of each cell: the value the notebook ran with, and "unsettled" only for the cells that
// did not settle.
import assert from "node:assert/strict";
import {mkdtemp, readFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {cli, type CliResult} from "../helpers/cli.ts";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/notebooks/${name}`, import.meta.url));

interface Report {
  cells: {name: string | null; status: string; value: unknown; error?: string; warnings?: string[]}[];
}

/** `run NOTEBOOK ARGS… --json FILE`, killed after 40 s whatever happens; the report it wrote. */
async function runJson(notebook: string, ...args: string[]): Promise<CliResult & {report: Report}> {
  const file = join(await mkdtemp(join(tmpdir(), "phoenix-run-report-")), "out.json");
  const result = await cli(["run", fixture(notebook), ...args, "--json", file], {timeoutMs: 40_000});
  assert.equal(result.killed, false, "the run hung until the outer timeout killed it");
  return {...result, report: JSON.parse(await readFile(file, "utf8")) as Report};
}

const entries = ({cells}: Report) => cells.map((cell) => [cell.name, cell.status, cell.value]);

test("run reports a Mutable's value, in both dialects, as it was and after --set", async () => {
  const before = await runJson("mutable.html", "--timeout", "20");
  assert.equal(before.code, 0, before.stderr);
  // Before: the JavaScript cell's Mutable showed as its generator, {next, return, throw}.
  assert.deepEqual(entries(before.report), [
    ["mutable count", "fulfilled", 1],
    ["selection", "fulfilled", 10],
    ["total", "fulfilled", 11]
  ]);
  const after = await runJson("mutable.html", "--timeout", "20", "--set", "count=5", "--set", "selection=20");
  assert.equal(after.code, 0, after.stderr);
  assert.deepEqual(entries(after.report), [
    ["mutable count", "fulfilled", 5],
    ["selection", "fulfilled", 20],
    ["total", "fulfilled", 25]
  ]);
  assert.match(after.stdout, /✓ selection\s+20\n/);
});

test("--timeout: the cells before one that blocks the thread keep their values; only it is unsettled", async () => {
  const {code, stdout, report} = await runJson("spin-last.html", "--timeout", "1");
  assert.equal(code, 1);
  // Before: a and b were reported unsettled too (the blocking cell ran first and they never ran).
  assert.deepEqual(entries(report), [
    ["a", "fulfilled", 1],
    ["b", "fulfilled", 2],
    [null, "pending", null]
  ]);
  assert.match(stdout, /3 cells: 2 fulfilled, 0 rejected, 1 unsettled after 1 s/);
});

test("--timeout: a cell that computed before another took the thread is reported with its value", async () => {
  const {code, report} = await runJson("spin-after-await.html", "--timeout", "1");
  assert.equal(code, 1);
  // Before: a was reported unsettled, though its code had run (and returned 1) before spin's loop began: spin
  // started first and its loop came one promise reaction later, while a's report was still two reactions away.
  assert.deepEqual(entries(report), [
    ["a", "fulfilled", 1],
    ["spin", "pending", null]
  ]);
});

test("a promise a JavaScript cell declares and does not await rejects that output only, not the run", async () => {
  // As `const world = fetch(…)` offline: before, the output waited a turn for the notebook order while its
  // promise was unobserved, and the rejection ended the thread ("the run stopped", 1 cell fulfilled).
  const {code, report} = await runJson("declared-rejection.html", "--timeout", "20");
  assert.equal(code, 1);
  assert.deepEqual(
    report.cells.map(({name, status, error}) => [name, status, error]),
    [
      ["a", "fulfilled", undefined],
      ["world", "rejected", "world (line 8): no network here"],
      ["b", "fulfilled", undefined]
    ]
  );
});

test("a value or an error that throws when read is reported, not left unsettled", async () => {
  const {code, stdout, report} = await runJson("throwing-values.html", "--timeout", "20");
  assert.equal(code, 1);
  // Before: v2, e9 and e5 "did not settle" (status "pending"), e1 "threw [object Object]", and the failed
  // summaries showed as unhandled rejections.
  assert.deepEqual(
    report.cells.map(({name, status}) => [name, status]),
    [
      ["v2", "fulfilled"],
      ["e9", "rejected"],
      ["e5", "rejected"],
      ["e1", "rejected"],
      ["e2", "rejected"]
    ]
  );
  const [v2, e9, e5, e1, e2] = report.cells;
  assert.deepEqual(v2!.value, {type: "Object", note: "could not be summarized: toJSON boom"});
  assert.equal(e9!.error, "e9 (line 8): threw {}");
  assert.equal(e5!.error, "e5 (line 11): Error (its message could not be read: getter)");
  assert.equal(e1!.error, "e1 (line 18): quota exceeded");
  assert.match(e2!.error!, /^e2 \(line 21\): threw \{"code":429,"detail":"x+…$/);
  assert.ok(e2!.error!.length < 200, e2!.error!);
  assert.doesNotMatch(stdout, /unhandled rejection|did not settle/);
});

test("run reports the warnings a cell's own value carries, in --json and under the cell's line", async () => {
  const {code, stdout, report} = await runJson("warnings/warnings.html", "--timeout", "30");
  assert.equal(code, 0, "warnings do not fail the run");
  const duplicate = 'column "prediction_id": duplicate prediction ids: "production-0433" at rows 2 and 7';
  const hostile =
    'column "id": duplicate prediction ids: "<img src=x onerror=window.__pwned=1>" at rows 0 and 1; ' +
    '"javascript:window.__pwned=2" at rows 2 and 3';
  const many = Array.from({length: 12}, (_, i) => `warning ${i + 1} of 12`);
  // Before: no cell had warnings; the dataset's duplicate id and UMAP's 11 neighbours went unseen.
  assert.deepEqual(
    report.cells.map(({name, warnings}) => [name, warnings]),
    [
      ["schema", undefined],
      ["digits", [duplicate]],
      ["rows", undefined],
      // 12 points, nNeighbors 30: each point's 11 others are all it has.
      [
        "projection",
        [
          "nNeighbors 30 is more than the 12 points projected allow: truncated to 11 (n − 1), as umap-learn does"
        ]
      ],
      // The view is the cell's value, not the projection it holds.
      ["viewof picked", undefined],
      ["hostile", [hostile]],
      // A JavaScript cell of two outputs: each warning says which output it is about.
      ["training, count", [`training: ${duplicate}`]],
      ["many", many],
      [null, undefined]
    ]
  );
  const lines = stdout.split("\n");
  const at = lines.findIndex((line) => line.startsWith("✓ digits "));
  assert.equal(lines[at + 1], `  ⚠ ${duplicate}`);
  assert.match(lines[at + 2]!, /^✓ rows\s+12$/);
  // Printed, a long list stops after five, as the page does; --json has every one.
  const first = lines.findIndex((line) => line.startsWith("✓ many "));
  assert.deepEqual(lines.slice(first + 1, first + 8), [
    ...many.slice(0, 5).map((warning) => `  ⚠ ${warning}`),
    "  ⚠ and 7 more",
    "✓ (anonymous)          <p> The end: 12 rows, 12 in training."
  ]);
});
