import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {cli} from "./cli.ts";

/** Small samples keep each run to seconds; the settings are the view's value, as --set gives it. */
export const smallSettings = {
  project: {nComponents: 2, nNeighbors: 10, minDist: 0, samples: 100},
  cluster: {minClusterSize: 10, minSamples: 1, clusterSelectionEpsilon: 0}
};

/**
 * Writes the notebook with `new` in `dir`, runs it with `run --json`, checks that every cell is fulfilled, and
 * gives the cells' names, values and warnings, what `new` printed and the notebook's source. `with`: the projection
 * settings (null: the settings view's own defaults).
 */
export async function newAndRun(
  dir: string,
  notebook: string,
  args: string[],
  runArgs: string[] = [],
  {with: chosen = smallSettings}: {with?: object | null} = {}
) {
  const made = await cli(["new", notebook, ...args], {cwd: dir});
  assert.equal(made.code, 0, made.stderr);
  const report = join(dir, `${notebook}.json`);
  const set = chosen === null ? [] : ["--set", `settings=${JSON.stringify(chosen)}`];
  const ran = await cli(["run", notebook, "--json", report, ...set, ...runArgs], {
    cwd: dir,
    timeoutMs: 180_000
  });
  const {cells} = JSON.parse(await readFile(report, "utf8")) as {
    cells: {name: string | null; status: string; value: unknown; warnings?: string[]}[];
  };
  const failed = cells.filter((c) => c.status !== "fulfilled").map((c) => `${c.name}: ${c.status}`);
  assert.deepEqual(failed, [], ran.stdout);
  assert.equal(ran.code, 0);
  const source = await readFile(join(dir, notebook), "utf8");
  const values = new Map(cells.map((c) => [c.name, c.value]));
  const warnings = new Map(cells.map((c) => [c.name, c.warnings ?? []]));
  return {
    names: new Set(cells.map((c) => c.name).filter((n) => n !== null)),
    stdout: made.stdout,
    source,
    values,
    warnings
  };
}
