// One measured run in a fresh process, so that peak memory belongs to one side alone:
// `node --import tsx bench/project/child.ts SIDE N` prints one line of JSON (a ChildResult).
import {peakRss} from "../peak-rss.ts";
import {layoutQuality} from "../../src/cells/project/umap/quality.ts";
import {ourStages, side as sideOf, SIDES, type LayoutFn, type SideName, type StageTimes} from "./sides.ts";
import {workload, workloadData} from "./workload.ts";

/** Points whose neighbourhoods are scored (an unbiased sample; scoring every point is O(n²)). */
const QUALITY_QUERIES = 500;

export interface ChildResult {
  readonly side: SideName;
  readonly n: number;
  readonly installed: boolean;
  /** Wall time of the UMAP call, ms. */
  readonly ms?: number;
  /** Peak resident set of the whole process, MiB. */
  readonly peakRssMiB?: number;
  /** Resident set with the input loaded, before the call, MiB. */
  readonly baseRssMiB?: number;
  readonly trustworthiness?: number;
  readonly knnRecall?: number;
  /** Ours only: the stages' wall times, ms. */
  readonly stages?: StageTimes;
}

async function main(side: SideName, n: number): Promise<ChildResult> {
  const fn: LayoutFn | undefined = await sideOf(side);
  if (!fn) return {side, n, installed: false};
  const work = workload(n);
  const vectors = workloadData(work);
  const dim = work.mixture.dim;
  const baseRssMiB = process.memoryUsage().rss / 2 ** 20;
  const start = performance.now();
  const coordinates = await fn(vectors, dim, work);
  const ms = performance.now() - start;
  const peakRssMiB = peakRss() / 2 ** 20;
  const queries = Int32Array.from({length: Math.min(n, QUALITY_QUERIES)}, (_, i) =>
    Math.floor((i * n) / QUALITY_QUERIES)
  );
  const quality = layoutQuality(vectors, dim, coordinates, work.nComponents, {k: 15, queries});
  return {
    side,
    n,
    installed: true,
    ms,
    peakRssMiB,
    baseRssMiB,
    ...quality,
    ...(ourStages ? {stages: ourStages} : {})
  };
}

const [side, n] = process.argv.slice(2);
if (!SIDES.includes(side as SideName))
  throw new Error(`side must be one of ${SIDES.join(", ")}, not ${side}`);
console.log(JSON.stringify(await main(side as SideName, Number(n))));
