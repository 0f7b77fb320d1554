import {existsSync} from "node:fs";
import {umap} from "../../src/cells/project/umap/index.ts";
import {Random} from "../../src/cells/random.ts";
import type {Workload} from "./workload.ts";

/** A UMAP implementation under test: lays out row-major vectors, returns row-major coordinates. */
export type SideName = "ours" | "ours-threads" | "embedding-atlas" | "umap-js";

export const SIDES: readonly SideName[] = ["ours", "ours-threads", "embedding-atlas", "umap-js"];

export type LayoutFn = (vectors: Float32Array, dim: number, work: Workload) => Promise<Float32Array>;

/** Wall time of our last run's stages, ms: the kNN and fuzzy graphs, the initial layout, the epochs. */
export interface StageTimes {
  readonly knn: number;
  readonly graph: number;
  readonly layout: number;
}

export let ourStages: StageTimes | undefined;

/** Ours on one thread (the default, bit-reproducible), or on one thread per core (`threads: "auto"`). */
export function ours(threads: 1 | "auto"): LayoutFn {
  return async (vectors, dim, work) => {
    const {nNeighbors, nComponents, minDist, nEpochs, seed} = work;
    // Stage boundaries from the progress reports: the layout's first report comes once its start is placed.
    const start = performance.now();
    let [knnEnd, epochsStart] = [NaN, NaN];
    const progress = (_fraction: number, stage: string) => {
      if (stage === "graph" && Number.isNaN(knnEnd)) knnEnd = performance.now();
      if (stage === "layout" && Number.isNaN(epochsStart)) epochsStart = performance.now();
    };
    const options = {nNeighbors, nComponents, minDist, nEpochs, seed, threads};
    const {coordinates} = await umap(vectors, dim, options, {progress});
    const end = performance.now();
    ourStages = {knn: knnEnd - start, graph: epochsStart - knnEnd, layout: end - epochsStart};
    return coordinates;
  };
}

/** The side's layout function, or undefined when its package is not installed. */
export function side(name: SideName): Promise<LayoutFn | undefined> | LayoutFn {
  switch (name) {
    case "ours":
      return ours(1);
    case "ours-threads":
      return ours("auto");
    case "embedding-atlas":
      return embeddingAtlas();
    case "umap-js":
      return umapJs();
  }
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

const ATLAS = new URL("../peers/node_modules/embedding-atlas/dist/umap.js", import.meta.url);

interface AtlasUmap {
  readonly embedding: Float32Array;
  run(): Promise<void>;
  destroy(): void;
}

interface AtlasModule {
  createUMAP(
    count: number,
    inputDim: number,
    outputDim: number,
    data: Float32Array,
    options: {nNeighbors: number; minDist: number; nEpochs: number; seed: number; metric: "euclidean"}
  ): Promise<AtlasUmap>;
}

/**
 * Apple's Embedding Atlas UMAP (its Rust compiled to WebAssembly, one thread; NN-descent, spectral init,
 * SGD), from the isolated package bench/peers: its `umap` entry is not in the package's exports map, so it is
 * imported by path. Undefined when bench/peers is not installed.
 */
export async function embeddingAtlas(): Promise<LayoutFn | undefined> {
  if (!existsSync(ATLAS)) return undefined;
  const module = (await import(ATLAS.href)) as AtlasModule;
  return async (vectors, dim, work) => {
    const {nNeighbors, nComponents, minDist, nEpochs, seed} = work;
    const options = {nNeighbors, minDist, nEpochs, seed, metric: "euclidean" as const};
    const model = await module.createUMAP(vectors.length / dim, dim, nComponents, vectors, options);
    try {
      await model.run();
      return new Float32Array(model.embedding);
    } finally {
      model.destroy();
    }
  };
}
