import {checkOptions, type OptionKeys} from "../options.ts";
import {condenseTree} from "./condensed-tree.ts";
import {coreDistancesSquared} from "./core-distances.ts";
import {ClusterError} from "./errors.ts";
import {buildKdTree} from "./kd-tree.ts";
import {labelPoints} from "./labelling.ts";
import {mutualReachabilityMst} from "./mst.ts";
import {selectClusters} from "./selection.ts";
import {cachedLinkage, keepLinkage} from "./linkage-cache.ts";
import {singleLinkage, type SingleLinkage} from "./single-linkage.ts";
import {clusterStability} from "./stability.ts";

/** Points to cluster: n points of nComponents coordinates each, row-major. */
export interface PointSet {
  /** n × nComponents coordinates, point after point; every value finite. */
  readonly coordinates: Float32Array | Float64Array;
  /** Coordinates per point: an integer ≥ 1 (a projection has 2 or 3). */
  readonly nComponents: number;
}

/** HDBSCAN options, named as Phoenix names them; the defaults are Phoenix's. */
export interface ClusterOptions {
  /** Fewest points a cluster may have: an integer ≥ 2. Default: 10. */
  readonly minClusterSize?: number;
  /**
   * Neighbourhood size for core distances: a point's core distance is the distance to its minSamples-th
   * nearest other point (hdbscan's min_samples; values ≥ n are taken as n − 1). An integer ≥ 1. Default: 1,
   * which Phoenix passes (hdbscan's own default would be minClusterSize).
   */
  readonly minSamples?: number;
  /**
   * Clusters that split below this distance, in the points' coordinate units, are merged (hdbscan's
   * cluster_selection_epsilon): a finite number ≥ 0. Default: 0.
   */
  readonly clusterSelectionEpsilon?: number;
}

const CLUSTER_OPTIONS: OptionKeys<ClusterOptions> = {
  minClusterSize: true,
  minSamples: true,
  clusterSelectionEpsilon: true
};

/** ClusterOptions with the defaults applied and checked. */
export interface ResolvedClusterOptions {
  /** The smallest group of points that counts as a cluster (an integer ≥ 2). */
  readonly minClusterSize: number;
  /** The neighbours that make a point a core point (an integer ≥ 1). */
  readonly minSamples: number;
  /** Clusters closer than this merge, in the points' coordinate units (≥ 0). */
  readonly clusterSelectionEpsilon: number;
}

/** A flat clustering: hdbscan's labels_ and probabilities_, plus cluster sizes. */
export interface Clustering {
  /** Cluster of each point, numbered from 0; −1 for noise. */
  readonly labels: Int32Array;
  /** Points in each cluster, by cluster number. */
  readonly sizes: Int32Array;
  /** Membership strength of each point in [0, 1] (hdbscan's probabilities_); 0 for noise. */
  readonly probabilities: Float32Array;
  /** Number of clusters. */
  readonly nClusters: number;
}

export const clusterDefaults: ResolvedClusterOptions = {
  minClusterSize: 10,
  minSamples: 1,
  clusterSelectionEpsilon: 0
};

/**
 * HDBSCAN with excess-of-mass cluster selection (Campello et al. 2013), giving the result of the Python
 * `hdbscan` package 0.8.33 that Phoenix calls, with allow_single_cluster off: Euclidean core distances,
 * the minimum spanning tree of mutual reachability, its single-linkage dendrogram condensed by
 * minClusterSize, stabilities, excess-of-mass selection and the cluster_selection_epsilon search. Runs in
 * about O(n log n) for 2-D and 3-D points (k-d tree searches); higher dimensions stay exact but slow toward
 * O(n²). Where mutual reachability distances tie, a point between two clusters may join the other one than
 * hdbscan's (which leaves ties to numpy's unstable sort). Fewer than 2 points are all noise.
 *
 * @param points - A Projection from px.project, or any n × nComponents coordinates.
 * @param options - HDBSCAN's minClusterSize, minSamples and clusterSelectionEpsilon.
 */
export function cluster(points: PointSet, options: ClusterOptions = {}): Clustering {
  const n = checkPoints(points);
  const {minClusterSize, minSamples, clusterSelectionEpsilon} = resolveClusterOptions(options);
  if (n < 2) return allNoise(n);

  const condensed = condenseTree(linkageOf(points, n, minSamples), minClusterSize);
  const selected = selectClusters(condensed, clusterStability(condensed), clusterSelectionEpsilon);
  const {labels, probabilities, sizes} = labelPoints(condensed, selected);
  return {labels, sizes, probabilities, nClusters: sizes.length};
}

// The single-linkage dendrogram of mutual reachability: the stages that minClusterSize does not change.
function linkageOf({coordinates, nComponents}: PointSet, n: number, minSamples: number): SingleLinkage {
  const cached = cachedLinkage(coordinates, nComponents, minSamples);
  if (cached) return cached;
  const tree = buildKdTree(coordinates, nComponents);
  const core = coreDistancesSquared(tree, Math.min(minSamples, n - 1));
  const spanning = mutualReachabilityMst(tree, core);
  // Back from tree positions to input indices.
  for (let i = 0; i < spanning.from.length; ++i) {
    spanning.from[i] = tree.order[spanning.from[i]!]!;
    spanning.to[i] = tree.order[spanning.to[i]!]!;
  }
  const linkage = singleLinkage(n, spanning);
  keepLinkage(coordinates, nComponents, minSamples, linkage);
  return linkage;
}

/**
 * Applies the defaults and checks every option, naming a bad one with its value.
 *
 * @param options - px.cluster's options as given.
 */
export function resolveClusterOptions(options: ClusterOptions): ResolvedClusterOptions {
  checkOptions("px.cluster", options, CLUSTER_OPTIONS);
  const {
    minClusterSize = clusterDefaults.minClusterSize,
    minSamples = clusterDefaults.minSamples,
    clusterSelectionEpsilon = clusterDefaults.clusterSelectionEpsilon
  } = options;
  if (!Number.isInteger(minClusterSize) || minClusterSize < 2) {
    throw new ClusterError(`minClusterSize must be an integer ≥ 2 (got ${show(minClusterSize)})`);
  }
  if (!Number.isInteger(minSamples) || minSamples < 1) {
    throw new ClusterError(`minSamples must be an integer ≥ 1 (got ${show(minSamples)})`);
  }
  if (!Number.isFinite(clusterSelectionEpsilon) || clusterSelectionEpsilon < 0) {
    throw new ClusterError(
      `clusterSelectionEpsilon must be a finite number ≥ 0 (got ${show(clusterSelectionEpsilon)})`
    );
  }
  return {minClusterSize, minSamples, clusterSelectionEpsilon};
}

const show = (value: unknown) => (typeof value === "string" ? JSON.stringify(value) : String(value));

function allNoise(n: number): Clustering {
  return {
    labels: new Int32Array(n).fill(-1),
    sizes: new Int32Array(0),
    probabilities: new Float32Array(n),
    nClusters: 0
  };
}

/** The number of points; throws on a bad shape or the first point with a NaN or infinite coordinate. */
function checkPoints(points: PointSet): number {
  if (typeof points !== "object" || points === null)
    throw new ClusterError(
      `points must be a projection (px.project) or {coordinates, nComponents}, not ${String(points)}`
    );
  const {coordinates, nComponents} = points;
  if (!(coordinates instanceof Float32Array || coordinates instanceof Float64Array)) {
    throw new ClusterError("coordinates must be a Float32Array or Float64Array");
  }
  if (!Number.isInteger(nComponents) || nComponents < 1) {
    throw new ClusterError(`nComponents must be an integer ≥ 1 (got ${String(nComponents)})`);
  }
  if (coordinates.length % nComponents !== 0) {
    throw new ClusterError(
      `coordinates.length ${coordinates.length} is not a multiple of nComponents ${nComponents}`
    );
  }
  for (let i = 0; i < coordinates.length; ++i) {
    const x = coordinates[i]!;
    if (Number.isFinite(x)) continue;
    const point = Math.floor(i / nComponents);
    throw new ClusterError(
      `point ${point} has ${Number.isNaN(x) ? "a NaN coordinate" : `an infinite coordinate (${x})`}`
    );
  }
  return coordinates.length / nComponents;
}
