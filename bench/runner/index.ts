// bench/runner: the runner as a user gets it, from the compiled package (staged by scripts/package and run by
// plain Node, no tsx). (1) Cold start of a one-cell notebook, wall time and peak memory, beside what Node alone
// and Node with an empty worker thread cost, and beside the same run from the sources through tsx. (2) The
// 10k × 384 projection of bench/project (px.load of a Parquet file, then px.project with the same settings)
// through the runner, against the plain umap-js script of bench/project. Aims (from the issue): a one-cell
// notebook in ≤ 0.3 s and ≤ 90 MB; the projection at ≤ ⅓ of umap-js's peak memory.
// `RUNNER_BENCH_POINTS=2000 npm run bench runner` picks the projection's size.
import {mkdtemp, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {stagePackage} from "../../scripts/package/stage.ts";
import {spawnChild} from "../project/spawn-child.ts";
import {quantile} from "../stats.ts";
import type {BenchReport} from "../suite.ts";
import {measureNode, type ProcessRun} from "./measure.ts";
import {ONE_CELL, writeProjectNotebook} from "./workload.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ROUNDS = 7;
const MiB = 2 ** 20;

export async function run(): Promise<BenchReport> {
  const dir = await mkdtemp(join(tmpdir(), "phoenix-bench-runner-"));
  try {
    const packaged = await stagePackage(join(dir, "package"), {typeCheck: false});
    await symlink(join(ROOT, "node_modules"), join(packaged, "node_modules"), "dir");
    const bin = join(packaged, "bin", "phoenix-notebook.js");
    const one = join(dir, "one.html");
    await writeFile(one, ONE_CELL);
    const cold = await coldStart([
      ["node -e 0", ["-e", "0"]],
      [
        "node, one empty worker thread",
        ["-e", "new (require('node:worker_threads').Worker)('0', {eval: true})"]
      ],
      ["run one cell: package, plain Node", [bin, "run", one]],
      ["run one cell: sources, tsx", [join(ROOT, "bin", "phoenix-notebook.js"), "run", one]]
    ]);
    const n = Number(process.env["RUNNER_BENCH_POINTS"] ?? 10_000);
    const projection = await projectionRows(await writeProjectNotebook(dir, n), bin, n);
    return {
      title: `phoenix-notebook run from the compiled package, node ${process.version}; cold start: ${ROUNDS} rounds`,
      tables: [
        {columns: ["cold start", "wall ms (median)", "wall ms (p90)", "peak MiB", "aim"], rows: cold},
        {
          columns: [`${n.toLocaleString("en-US")} × 384 projection`, "wall s", "peak MiB", "peak ÷ umap-js"],
          rows: projection
        }
      ],
      notes: [
        "wall: from spawning the process to its exit, as a user waits for it. peak: VmHWM of the whole process,",
        "worker threads included (the runner's notebook thread and px.project's workers).",
        "projection: bench/project's workload (seeded Gaussian mixture, 30 neighbours, min_dist 0, 3 components,",
        "same epochs); ours reads it from Parquet in a notebook (load, then project in workers), umap-js gets it",
        "in memory as number[][] (bench/project/child.ts). Aim: ours ≤ 0.33× umap-js's peak."
      ]
    };
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

async function coldStart(sides: readonly (readonly [string, readonly string[]])[]): Promise<string[][]> {
  const runs = sides.map((): ProcessRun[] => []);
  // One round unmeasured (the file cache), then the sides in turn, round after round, so that a machine that
  // slows down meanwhile slows them all alike.
  for (const [, args] of sides) await measureNode(args);
  for (let round = 0; round < ROUNDS; ++round)
    for (const [i, [, args]] of sides.entries()) runs[i]!.push(await measureNode(args));
  return sides.map(([name], i) => {
    const ms = runs[i]!.map((r) => r.ms);
    const peak = Math.max(...runs[i]!.map((r) => r.peak)) / MiB;
    const aim = name.includes("package") ? "≤ 300 ms, ≤ 90 MB" : "";
    return [name, quantile(ms, 0.5).toFixed(0), quantile(ms, 0.9).toFixed(0), peak.toFixed(0), aim];
  });
}

async function projectionRows(notebook: string, bin: string, n: number): Promise<string[][]> {
  const ours = await measureNode([bin, "run", notebook]);
  if (!new RegExp(`✓ points\\s+${n}\\n`).test(ours.stdout))
    throw new Error(`the projection notebook did not project ${n} points:\n${ours.stdout}`);
  const direct = await spawnChild("ours", n);
  const umapJs = await spawnChild("umap-js", n);
  const theirs = umapJs.installed ? umapJs.peakRssMiB! : NaN;
  const ratio = (mib: number) =>
    Number.isNaN(theirs) ? "umap-js not installed" : `${(mib / theirs).toFixed(2)}×`;
  const oursMiB = ours.peak / MiB;
  return [
    [
      "ours: phoenix-notebook run (load + project)",
      (ours.ms / 1000).toFixed(1),
      oursMiB.toFixed(0),
      ratio(oursMiB)
    ],
    [
      "ours: umap() in a script (bench/project)",
      (direct.ms! / 1000).toFixed(1),
      direct.peakRssMiB!.toFixed(0),
      ratio(direct.peakRssMiB!)
    ],
    [
      "umap-js in a script (bench/project)",
      ((umapJs.ms ?? NaN) / 1000).toFixed(1),
      theirs.toFixed(0),
      "1.00×"
    ]
  ];
}
