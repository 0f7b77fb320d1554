// UMAP over typed arrays: umap() does it all; knnGraph → fuzzySimplicialSet → layout lets a caller keep
// the kNN graph (or the fuzzy graph) and rerun only the layout when minDist, nEpochs or the seed change.
export {UmapError, type UmapStage} from "./errors.ts";
export {fuzzySimplicialSet, type FuzzyGraph} from "./fuzzy-graph.ts";
export {knnGraph, type KnnGraph} from "./knn.ts";
export {layout, type UmapResult} from "./layout.ts";
export {
  defaultEpochs,
  type KnnOptions,
  type LayoutOptions,
  type UmapHooks,
  type UmapInit,
  type UmapMetric,
  type UmapOptions
} from "./options.ts";
export {layoutQuality, type LayoutQuality, type QualityOptions} from "./quality.ts";
export {umap} from "./umap.ts";
export type {SourceVectors} from "./component-positions.ts";
