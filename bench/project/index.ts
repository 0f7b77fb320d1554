// bench/project: our UMAP (src/cells/project/umap), on one thread and on every core, against Apple's Embedding
// Atlas (WebAssembly, from the isolated bench/peers package) and umap-js 1.4.0, on seeded 384-dimensional
// Gaussian mixtures (20 clusters) of 10,000 and 30,000 points, all with Phoenix's settings (30 neighbours,
// min_dist 0, 3 components) and the same epochs, each run in its own process so that its peak memory is its
// own. `UMAP_BENCH_SIZES=10000` picks the sizes, `UMAP_BENCH_SIDES=ours,embedding-atlas` the sides,
// `UMAP_BENCH_ROUNDS=3` the rounds (medians are reported; sides alternate within a round).
import {availableParallelism} from "node:os";
import {quantile} from "../stats.ts";
import type {BenchReport} from "../suite.ts";
import type {ChildResult} from "./child.ts";
import {SIDES, type SideName} from "./sides.ts";
import {coreCeiling} from "./core-ceiling.ts";
import {spawnChild} from "./spawn-child.ts";
import {workload} from "./workload.ts";

const list = (name: string) => process.env[name]?.split(",");
const sizes = () => list("UMAP_BENCH_SIZES")?.map(Number) ?? [10_000, 30_000];
const sides = () => (list("UMAP_BENCH_SIDES") as SideName[] | undefined) ?? [...SIDES];
const rounds = () => Number(process.env["UMAP_BENCH_ROUNDS"] ?? 1);

/** A side's medians over the rounds. */
interface Measured {
  readonly installed: boolean;
  readonly ms: number;
  readonly peakRssMiB: number;
  readonly trustworthiness: number;
  readonly knnRecall: number;
  /** Ours: median ms of the kNN and fuzzy graphs, the initial layout, the epochs. */
  readonly stages?: readonly [number, number, number];
}

const INSTALL: Record<SideName, string> = {
  ours: "",
  "ours-threads": "",
  "embedding-atlas": "embedding-atlas: not installed, skipped (cd bench/peers && npm install to compare).",
  "umap-js": "umap-js: not installed, skipped (npm install --save-dev umap-js@1.4.0 to compare)."
};

export async function run(): Promise<BenchReport> {
  const rows: string[][] = [];
  const skipped = new Set<string>();
  const ceilings: number[] = [];
  for (const n of sizes()) {
    const sizeCeilings: number[] = [];
    const results = new Map<SideName, ChildResult[]>(sides().map((s) => [s, []]));
    for (let round = 0; round < rounds(); ++round)
      for (const side of sides()) {
        // The cores' ceiling is measured just before each threaded run, with nothing else of ours running.
        if (side === "ours-threads") sizeCeilings.push(await coreCeiling());
        results.get(side)!.push(await spawnChild(side, n));
      }
    ceilings.push(...sizeCeilings);
    const measured = new Map([...results].map(([side, runs]) => [side, medians(runs)]));
    for (const [side, m] of measured) {
      if (m.installed) rows.push(row(n, side, m, measured, quantile(sizeCeilings, 0.5)));
      else skipped.add(INSTALL[side]);
    }
  }
  const {nNeighbors, minDist, nComponents, mixture} = workload(10_000);
  return {
    title:
      `UMAP of ${mixture.dim}-d Gaussian mixtures (${mixture.clusters} clusters, seed ${mixture.seed}), ` +
      `nNeighbors ${nNeighbors}, minDist ${minDist}, nComponents ${nComponents}, epochs 500 (≤ 10k points) / 200; ` +
      `one process per run, median of ${rounds()} round(s), ${availableParallelism()} cores, node ${process.version}`,
    tables: [
      {
        columns: [
          "points",
          "side",
          "s",
          "ours 1 thread ×",
          "ours all cores ×",
          "kNN · init · epochs s",
          "MiB",
          "ours / its MiB",
          "trust",
          "recall"
        ],
        rows
      }
    ],
    notes: [
      `side: ours (one thread, bit-reproducible), ours-threads (threads: "auto", ${availableParallelism()} threads), ` +
        "embedding-atlas (WebAssembly, one thread), umap-js (one thread).",
      "s: wall time of the call (umap-js: Float32Array → number[][], then fit()); MiB: peak resident set (VmHWM) " +
        "of the run's own process, threads, input and Node included.",
      "ours 1 thread ×, ours all cores ×: this side's time / ours' (aims: ≥ 1.5× and ≥ 2.5× over embedding-atlas, " +
        "≥ 3× over umap-js; on the ours row, all cores × is the threads' speed-up, aim ≥ 1.7× at 30k).",
      `cores' ceiling: ${ceilings.length ? ceilings.map((c) => `${c.toFixed(2)}×`).join(", ") : "not measured"} — ` +
        "the work one worker per core did together ÷ one worker's, in 1.5 s of a fixed kernel, measured " +
        "just before each threaded run (core-ceiling.ts): the most any threads could gain then. On an idle " +
        "machine of equal cores it is the core count; a busy machine, or a virtual core slower than another, " +
        "lowers it.",
      "kNN · init · epochs: ours' stages: the kNN graph with its fuzzy set; the pruning and the spectral initial " +
        "layout (one thread); the SGD epochs.",
      "ours / its MiB: ours' (one thread) peak / this side's (aim ≤ 1). trust, recall: trustworthiness and kNN " +
        "recall (k = 15) on 500 evenly spaced points (quality.ts).",
      ...skipped
    ]
  };
}

function medians(runs: readonly ChildResult[]): Measured {
  const median = (pick: (r: ChildResult) => number | undefined) =>
    quantile(
      runs.map((r) => pick(r) ?? NaN),
      0.5
    );
  return {
    installed: runs.every((r) => r.installed),
    ms: median((r) => r.ms),
    peakRssMiB: median((r) => r.peakRssMiB),
    trustworthiness: median((r) => r.trustworthiness),
    knnRecall: median((r) => r.knnRecall),
    ...(runs.every((r) => r.stages)
      ? {
          stages: [
            median((r) => r.stages!.knn),
            median((r) => r.stages!.graph),
            median((r) => r.stages!.layout)
          ]
        }
      : {})
  };
}

function row(
  n: number,
  side: SideName,
  m: Measured,
  all: ReadonlyMap<SideName, Measured>,
  ceiling: number
): string[] {
  const times = (of: SideName | undefined) => {
    const reference = of && all.get(of);
    return reference?.installed ? `${(m.ms / reference.ms).toFixed(2)}×` : "";
  };
  const ours = all.get("ours");
  return [
    n.toLocaleString("en-US"),
    side,
    (m.ms / 1000).toFixed(1),
    side === "ours" ? "" : times("ours"),
    side === "ours-threads"
      ? ""
      : side === "ours" && Number.isFinite(ceiling)
        ? `${times("ours-threads")} (cores' ceiling ${ceiling.toFixed(2)}×)`
        : times("ours-threads"),
    m.stages ? m.stages.map((ms) => (ms / 1000).toFixed(1)).join(" · ") : "",
    m.peakRssMiB.toFixed(0),
    ours?.installed && side !== "ours" ? `${(ours.peakRssMiB / m.peakRssMiB).toFixed(2)}×` : "",
    m.trustworthiness.toFixed(4),
    m.knnRecall.toFixed(4)
  ];
}
