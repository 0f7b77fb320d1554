import type {Dataset} from "../dataset/dataset.ts";
import type {TimeRange} from "../dataset/time-range.ts";
import type {OptionKeys} from "../options.ts";
import type {ThreadCount} from "./umap/threads/with-threads.ts";

/** Which dataset a point comes from. */
export const PRIMARY = 0;
export const REFERENCE = 1;

/** Primary and reference samples projected together: a point cloud whose points know their rows. */
export interface Projection {
  /** Row-major n × nComponents, centered (the mean subtracted). */
  readonly coordinates: Float32Array;
  /** Coordinates per point: 2 or 3. */
  readonly nComponents: 2 | 3;
  /** Per point: PRIMARY (0) or REFERENCE (1). Primary points come first. */
  readonly dataset: Uint8Array;
  /** Per point: its row in its dataset. */
  readonly row: Int32Array;
  /** [primary] or [primary, reference]. */
  readonly datasets: readonly Dataset[];
  /** The embedding feature projected. */
  readonly embedding: string;
  /** The options it was made with, defaults applied. */
  readonly options: ResolvedProjectOptions;
  /**
   * What was adjusted to project these points: nNeighbors truncated to the points there are (as umap-learn).
   * px.project always sets it; absent (a projection made by hand): none.
   */
  readonly warnings?: readonly string[];
}

/** Options of `project`; every default is Phoenix's unless said. */
export interface ProjectOptions {
  /** The embedding feature to project. Required. */
  readonly embedding: string;
  /** Dimensions of the projection: 2 or 3. Default: 3. */
  readonly nComponents?: number;
  /**
   * UMAP neighbours: an integer ≥ 2 (Phoenix's UI allows 5–100). With no more points sampled than that, one
   * fewer than the points is used and the projection's `warnings` say so, as umap-learn does. Default: 30.
   */
  readonly nNeighbors?: number;
  /** UMAP minimum distance, 0 ≤ minDist < 1. Default: 0. */
  readonly minDist?: number;
  /** Points sampled per dataset (rows with a vector): an integer ≥ 1. Default: 500. */
  readonly samples?: number;
  /** UMAP epochs: an integer ≥ 1. Default: 500 up to 10,000 points, else 200 (umap-learn's). */
  readonly nEpochs?: number;
  /** Distance between vectors. Default: "euclidean" (Phoenix's). */
  readonly metric?: "euclidean" | "cosine";
  /** Seed of the sampling and of UMAP, a finite number (Phoenix does not seed; we do). Default: 0. */
  readonly seed?: number;
  /** Primary rows to sample from: start ≤ timestamp < end, epoch ms (the reference is sampled whole). Default: all. */
  readonly timeRange?: TimeRange;
  /**
   * Threads for UMAP: a count, or "auto" (one per core; one below 4,096 points). Default: 1, the same result
   * bit for bit on any machine; the same count gives the same result too, another count another; "auto" is
   * the fastest and not bit-reproducible (see umap). In a page, threads need cross-origin isolation; without
   * it one is used.
   */
  readonly threads?: ThreadCount;
}

export const PROJECT_OPTIONS: OptionKeys<ProjectOptions> = {
  embedding: true,
  nComponents: true,
  nNeighbors: true,
  minDist: true,
  samples: true,
  nEpochs: true,
  metric: true,
  seed: true,
  timeRange: true,
  threads: true
};

/** ProjectOptions checked, with the defaults applied: a projection's `options`. */
export interface ResolvedProjectOptions {
  /** The embedding feature projected. */
  readonly embedding: string;
  /** Dimensions of the projection. */
  readonly nComponents: 2 | 3;
  /** UMAP neighbours. */
  readonly nNeighbors: number;
  /** UMAP minimum distance, in [0, 1). */
  readonly minDist: number;
  /** Points sampled per dataset, at most. */
  readonly samples: number;
  /** UMAP epochs; undefined: umap-learn's default for the number of points (500 up to 10,000, else 200). */
  readonly nEpochs: number | undefined;
  /** Distance between vectors. */
  readonly metric: "euclidean" | "cosine";
  /** Seed of the sampling and of UMAP. */
  readonly seed: number;
  /** Primary rows sampled from (start ≤ timestamp < end, epoch ms); undefined: every row. */
  readonly timeRange: TimeRange | undefined;
  /** Threads UMAP runs on. */
  readonly threads: ThreadCount;
}
