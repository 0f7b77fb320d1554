import {fastPow} from "./fast-pow.ts";
import type {Random} from "../../random.ts";
import type {StageRun} from "./stage-run.ts";

/** The graph's edges as the SGD samples them: edge e joins head[e] to tail[e] every epochsPerSample[e] epochs. */
export interface SampledEdges {
  readonly head: Int32Array;
  readonly tail: Int32Array;
  readonly epochsPerSample: Float64Array;
}

export interface SgdParams {
  readonly a: number;
  readonly b: number;
  /** Weight of the repulsion (umap-learn's gamma). */
  readonly repulsionStrength: number;
  readonly learningRate: number;
  readonly negativeSampleRate: number;
  readonly nEpochs: number;
}

/** The SGD's per-edge schedule, advanced epoch by epoch. */
export interface Schedule {
  readonly nextSample: Float64Array;
  readonly epochsPerNegativeSample: Float64Array;
  readonly nextNegativeSample: Float64Array;
}

/**
 * The schedule of `edges` before the first epoch, in fresh memory from `allocate` (shared memory, for threads
 * that take turns at the edges).
 */
export function newSchedule(
  edges: SampledEdges,
  negativeSampleRate: number,
  allocate: (length: number) => Float64Array = (length) => new Float64Array(length)
): Schedule {
  const n = edges.epochsPerSample.length;
  const [nextSample, epochsPerNegativeSample, nextNegativeSample] = [allocate(n), allocate(n), allocate(n)];
  nextSample.set(edges.epochsPerSample);
  for (let e = 0; e < n; ++e) epochsPerNegativeSample[e] = edges.epochsPerSample[e]! / negativeSampleRate;
  nextNegativeSample.set(epochsPerNegativeSample);
  return {nextSample, epochsPerNegativeSample, nextNegativeSample};
}

/** umap-learn decays alpha after each epoch from the epoch's index: epochs 0 and 1 both run at the full rate. */
export function epochAlpha({learningRate, nEpochs}: SgdParams, epoch: number): number {
  return learningRate * (1 - Math.max(0, epoch - 1) / nEpochs);
}

/**
 * umap-learn's `optimize_layout_euclidean` (single-threaded, move_other): per epoch, each edge due is
 * pulled together by the attractive gradient of 1 / (1 + a·d^(2b)), then its head is pushed away from
 * random points; the learning rate decays linearly to 0. Moves `embedding` (n × dim, dim 2 or 3) in place.
 */
export async function optimizeLayout(
  embedding: Float32Array,
  dim: number,
  edges: SampledEdges,
  params: SgdParams,
  random: Random,
  run: StageRun
): Promise<void> {
  const schedule = newSchedule(edges, params.negativeSampleRate);
  for (let epoch = 0; epoch < params.nEpochs; ++epoch) {
    runEpoch(embedding, dim, edges, schedule, params, epochAlpha(params, epoch), epoch, random);
    run.report((epoch + 1) / params.nEpochs);
    await run.check();
  }
}

/**
 * One epoch of edges [from, to) (default: all). The hot loop: positions live in locals (x, y, z; z unused in 2-D), gradients are clipped to
 * ±4 as in umap-learn. An edge's negative samples are all measured from the head's position after its
 * positive step and applied together, so that their d^b (the costly part) do not wait on one another;
 * umap-learn applies them one by one, which differs only by the head's moves within one edge's samples.
 */
export function runEpoch(
  embedding: Float32Array,
  dim: number,
  {head, tail, epochsPerSample}: SampledEdges,
  {nextSample, epochsPerNegativeSample, nextNegativeSample}: Schedule,
  {a, b, repulsionStrength}: SgdParams,
  alpha: number,
  epoch: number,
  random: Random,
  from = 0,
  to = head.length
): void {
  const e3 = dim === 3;
  const nVertices = embedding.length / dim;
  const attract = -2 * a * b;
  const repel = 2 * repulsionStrength * b;
  const v = embedding;
  for (let e = from; e < to; ++e) {
    if (nextSample[e]! > epoch) continue;
    const j = head[e]! * dim;
    const k = tail[e]! * dim;
    let x = v[j]!;
    let y = v[j + 1]!;
    let z = e3 ? v[j + 2]! : 0;
    let dx = x - v[k]!;
    let dy = y - v[k + 1]!;
    let dz = e3 ? z - v[k + 2]! : 0;
    let d2 = dx * dx + dy * dy + dz * dz;
    if (d2 > 0) {
      const pb = fastPow(d2, b);
      const coefficient = (attract * (pb / d2)) / (a * pb + 1);
      const gx = clip(coefficient * dx) * alpha;
      const gy = clip(coefficient * dy) * alpha;
      x += gx;
      y += gy;
      v[k] = v[k]! - gx;
      v[k + 1] = v[k + 1]! - gy;
      if (e3) {
        const gz = clip(coefficient * dz) * alpha;
        z += gz;
        v[k + 2] = v[k + 2]! - gz;
      }
    }
    nextSample[e] = nextSample[e]! + epochsPerSample[e]!;
    const nNegative = Math.trunc((epoch - nextNegativeSample[e]!) / epochsPerNegativeSample[e]!);
    const x0 = x;
    const y0 = y;
    const z0 = z;
    for (let p = 0; p < nNegative; ++p) {
      const o = random.below(nVertices) * dim;
      dx = x0 - v[o]!;
      dy = y0 - v[o + 1]!;
      dz = e3 ? z0 - v[o + 2]! : 0;
      d2 = dx * dx + dy * dy + dz * dz;
      if (d2 > 0) {
        const coefficient = repel / ((0.001 + d2) * (a * fastPow(d2, b) + 1));
        x += clip(coefficient * dx) * alpha;
        y += clip(coefficient * dy) * alpha;
        z += clip(coefficient * dz) * alpha;
      } else if (o !== j) {
        // Two distinct points at the same place: a fixed step, as umap-learn's gradient of 4.
        x += 4 * alpha;
        y += 4 * alpha;
        z += 4 * alpha;
      }
    }
    v[j] = x;
    v[j + 1] = y;
    if (e3) v[j + 2] = z;
    nextNegativeSample[e] = nextNegativeSample[e]! + nNegative * epochsPerNegativeSample[e]!;
  }
}

/** umap-learn clips each gradient component to ±4. */
function clip(value: number): number {
  return value > 4 ? 4 : value < -4 ? -4 : value;
}
