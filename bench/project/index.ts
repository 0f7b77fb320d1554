// bench/project: our UMAP (src/cells/project/umap) against umap-js 1.4.0 on seeded 384-dimensional Gaussian
// mixtures (20 clusters) of 10,000 and 30,000 points, both with Phoenix's settings (30 neighbours, min_dist
// 0, 3 components) and the same epochs, single-threaded, each run in its own process so that its peak
// memory is its own. Aim (from the issue): ≥ 3× faster than umap-js with ≤ 1/3 of its memory, and layouts
// as trustworthy. `UMAP_BENCH_SIZES=10000 npm run bench project` picks the sizes.
import type {BenchReport} from "../suite.ts";
import type {ChildResult} from "./child.ts";
import {spawnChild} from "./spawn-child.ts";
import {workload} from "./workload.ts";

function sizes(): number[] {
  const spec = process.env["UMAP_BENCH_SIZES"];
  return spec ? spec.split(",").map(Number) : [10_000, 30_000];
}

export async function run(): Promise<BenchReport> {
  const rows: string[][] = [];
  let missing = false;
  for (const n of sizes()) {
    const ours = await spawnChild("ours", n);
    const theirs = await spawnChild("umap-js", n);
    missing ||= !theirs.installed;
    rows.push(row(n, ours, theirs));
  }
  const {nNeighbors, minDist, nComponents, mixture} = workload(10_000);
  return {
    title:
      `UMAP of ${mixture.dim}-d Gaussian mixtures (${mixture.clusters} clusters, seed ${mixture.seed}), ` +
      `nNeighbors ${nNeighbors}, minDist ${minDist}, nComponents ${nComponents}, epochs 500 (≤ 10k points) / 200; ` +
      `one process per run, node ${process.version}`,
    tables: [
      {
        columns: [
          "points",
          "ours s",
          "umap-js s",
          "speed-up",
          "ours MiB",
          "umap-js MiB",
          "memory",
          "trust ours",
          "trust umap-js",
          "recall ours",
          "recall umap-js"
        ],
        rows
      }
    ],
    notes: [
      "s: wall time of the call (ours: umap(); umap-js: Float32Array → number[][], then fit()), one thread each.",
      "MiB: peak resident set of the run's own process (VmHWM), input and Node included.",
      "speed-up: umap-js time / ours (aim ≥ 3×); memory: ours / umap-js peak (aim ≤ 0.33×).",
      "trust, recall: trustworthiness and kNN recall (k = 15) on 500 evenly spaced points (quality.ts).",
      ...(missing ? ["umap-js: not installed (npm install --save-dev umap-js@1.4.0 to compare)."] : [])
    ]
  };
}

function row(n: number, ours: ChildResult, theirs: ChildResult): string[] {
  const count = n.toLocaleString("en-US");
  const seconds = (r: ChildResult) => ((r.ms ?? NaN) / 1000).toFixed(1);
  const mib = (r: ChildResult) => (r.peakRssMiB ?? NaN).toFixed(0);
  const score = (value: number | undefined) => (value ?? NaN).toFixed(4);
  if (!theirs.installed) {
    const none = "not installed";
    return [
      count,
      seconds(ours),
      none,
      "",
      mib(ours),
      none,
      "",
      score(ours.trustworthiness),
      "",
      score(ours.knnRecall),
      ""
    ];
  }
  return [
    count,
    seconds(ours),
    seconds(theirs),
    `${(theirs.ms! / ours.ms!).toFixed(2)}×`,
    mib(ours),
    mib(theirs),
    `${(ours.peakRssMiB! / theirs.peakRssMiB!).toFixed(2)}×`,
    score(ours.trustworthiness),
    score(theirs.trustworthiness),
    score(ours.knnRecall),
    score(theirs.knnRecall)
  ];
}
