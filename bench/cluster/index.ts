// bench/cluster: cluster() (HDBSCAN, src/cells/cluster) on seeded 3-D gaussian blobs with 10% uniform noise,
// the shape of a projected point cloud, with Phoenix's options (minClusterSize 10, minSamples 1). Aim (issue 5):
// 100k points in ≤ 3 s on a 2-core machine, time growing about as n log n. Baseline: hdbscan-ts, when
// installed, at the sizes where it finishes within 2 minutes.
import {cluster, type Clustering} from "../../src/cells/cluster/index.ts";
import {adjustedRandIndex} from "../../test/cells/cluster/ari.ts";
import {summarize} from "../stats.ts";
import type {BenchReport} from "../suite.ts";
import {loadHdbscanTs, runHdbscanTs} from "./baseline.ts";
import {blobsWithNoise} from "./generate.ts";
import {timeRuns} from "./measure.ts";

const SEED = 42;
const OPTIONS = {minClusterSize: 10, minSamples: 1};
/** Sizes, with untimed warm-up calls and timed runs for each. */
const SIZES = [
  {n: 1_000, warmup: 5, runs: 20},
  {n: 2_000, warmup: 3, runs: 10},
  {n: 10_000, warmup: 2, runs: 7},
  {n: 100_000, warmup: 1, runs: 5}
];
/** hdbscan-ts is O(n²) in memory and slower than that in time: about 5 s at 1k, 15 s at 2k. */
const BASELINE_SIZES = [1_000, 2_000];
const AIM_MS = 3000;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const nLogN = (n: number) => n * Math.log(n);

export async function run(): Promise<BenchReport> {
  const points = new Map(SIZES.map(({n}) => [n, blobsWithNoise(n, SEED)]));
  const medians = new Map<number, number>();
  const ours = new Map<number, Clustering>();
  const rows = SIZES.map(({n, warmup, runs}) => {
    const {samples, result} = timeRuns(
      () => cluster({coordinates: points.get(n)!, nComponents: 3}, OPTIONS),
      warmup,
      runs
    );
    const {median, p90} = summarize(samples);
    medians.set(n, median);
    ours.set(n, result);
    const noise = result.labels.filter((label) => label < 0).length / n;
    return [
      n.toLocaleString("en"),
      String(runs),
      ms(median),
      ms(p90),
      ms((median / n) * 1000),
      String(result.nClusters),
      `${(noise * 100).toFixed(1)}%`
    ];
  });

  const growth = medians.get(100_000)! / medians.get(10_000)!;
  const expected = nLogN(100_000) / nLogN(10_000);
  const baseline = await baselineRows(points, medians, ours);
  const hundredK = medians.get(100_000)!;
  return {
    title: `cluster() on seeded 3-D gaussian blobs + 10% noise, minClusterSize 10, minSamples 1; median of the runs after warm-up; node ${process.version}`,
    tables: [
      {columns: ["points", "runs", "median", "p90", "per 1k points", "clusters", "noise"], rows},
      {
        columns: ["growth", "measured", "n log n predicts", "linear predicts"],
        rows: [["100k / 10k", `${growth.toFixed(2)}×`, `${expected.toFixed(2)}×`, "10.00×"]]
      },
      ...(baseline.rows.length
        ? [
            {
              columns: ["points", "hdbscan-ts", "cluster()", "speed-up", "ARI of the two"],
              rows: baseline.rows
            }
          ]
        : [])
    ],
    notes: [
      `aim: 100k points in ≤ ${AIM_MS} ms: ${hundredK <= AIM_MS ? "met" : "MISSED"} (${ms(hundredK)}); growth ≈ n log n.`,
      "ARI: adjusted Rand index between the two labellings (1 = same partition). The reference is Python hdbscan 0.8.33;",
      "test/cells/cluster checks cluster() against it (test/fixtures/hdbscan/hdbscan-reference.json).",
      baseline.note
    ]
  };
}

async function baselineRows(
  points: Map<number, Float32Array>,
  medians: Map<number, number>,
  ours: Map<number, Clustering>
) {
  const HDBSCAN = await loadHdbscanTs();
  if (!HDBSCAN)
    return {
      rows: [],
      note: "baseline: hdbscan-ts not installed (npm install --no-save hdbscan-ts@1.0.17 to compare)."
    };
  const rows = BASELINE_SIZES.map((n) => {
    const {samples, result} = timeRuns(
      () => runHdbscanTs(HDBSCAN, points.get(n)!, OPTIONS.minClusterSize, OPTIONS.minSamples),
      0,
      1
    );
    const time = samples[0]!;
    const ari = adjustedRandIndex(result, ours.get(n)!.labels);
    return [
      n.toLocaleString("en"),
      ms(time),
      ms(medians.get(n)!),
      `${(time / medians.get(n)!).toFixed(0)}×`,
      ari.toFixed(3)
    ];
  });
  return {rows, note: "baseline: hdbscan-ts 1.0.17, one run per size (its first call, not warmed up)."};
}
