// Worker tasks of the point cloud: the slow halves of `px.project` and `px.cluster`, on typed arrays only (a
// Dataset never crosses to a worker; the main thread samples and sends the vectors).
import {
  cluster,
  projectionGraph,
  projectionLayout,
  type ClusterOptions,
  type Clustering,
  type FuzzyGraph,
  type ProjectionSample,
  type ResolvedProjectOptions
} from "../../index.ts";
import type {TaskContext} from "../../runtime/worker/types.ts";

export interface GraphArgs {
  readonly sample: ProjectionSample;
  readonly options: ResolvedProjectOptions;
}

/** kNN and fuzzy graph of a sample. */
export function projectGraph(
  {sample, options}: GraphArgs,
  {progress, signal}: TaskContext
): Promise<FuzzyGraph> {
  return projectionGraph(sample, options, {progress: (fraction, stage) => progress(fraction, stage), signal});
}

export interface LayoutArgs extends GraphArgs {
  readonly graph: FuzzyGraph;
}

/** The centered layout of a graph. */
export function projectLayout(
  {graph, sample, options}: LayoutArgs,
  {progress, signal}: TaskContext
): Promise<Float32Array> {
  return projectionLayout(graph, sample, options, {
    progress: (fraction, stage) => progress(fraction, stage),
    signal
  });
}

export interface ClusterArgs {
  readonly coordinates: Float32Array | Float64Array;
  readonly nComponents: number;
  readonly options: ClusterOptions;
}

/** HDBSCAN of a point set. */
export function clusterPoints(
  {coordinates, nComponents, options}: ClusterArgs,
  {progress}: TaskContext
): Clustering {
  progress(0, "hdbscan");
  const result = cluster({coordinates, nComponents}, options);
  progress(1, "hdbscan");
  return result;
}
