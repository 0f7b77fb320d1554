import {umap} from "../../src/cells/project/umap/index.ts";
import {Random} from "../../src/cells/random.ts";
import type {Workload} from "./workload.ts";

/** A UMAP implementation under test: lays out row-major vectors, returns row-major coordinates. */
export type SideName = "ours" | "umap-js";

export type LayoutFn = (vectors: Float32Array, dim: number, work: Workload) => Promise<Float32Array>;

export async function ours(vectors: Float32Array, dim: number, work: Workload): Promise<Float32Array> {
  const {nNeighbors, nComponents, minDist, nEpochs, seed} = work;
  return (await umap(vectors, dim, {nNeighbors, nComponents, minDist, nEpochs, seed})).coordinates;
}

/** umap-js's surface as used here (it ships its own types; this keeps the import optional). */
interface UmapJsModule {
  UMAP: new (params: {
    nComponents: number;
    nNeighbors: number;
    minDist: number;
    nEpochs: number;
    random: () => number;
  }) => {fit(data: number[][]): number[][]};
}

/** umap-js, fed the arrays of numbers it takes; undefined when the package is not installed. */
export async function umapJs(): Promise<LayoutFn | undefined> {
  let module: UmapJsModule;
  try {
    module = (await import("umap-js" as string)) as UmapJsModule;
  } catch {
    return undefined;
  }
  return async (vectors, dim, work) => {
    const {nNeighbors, nComponents, minDist, nEpochs, seed} = work;
    const rows: number[][] = [];
    for (let i = 0; i < vectors.length / dim; ++i)
      rows.push(Array.from(vectors.subarray(i * dim, (i + 1) * dim)));
    const random = new Random(seed);
    const model = new module.UMAP({nComponents, nNeighbors, minDist, nEpochs, random: () => random.float()});
    return Float32Array.from(model.fit(rows).flat());
  };
}
