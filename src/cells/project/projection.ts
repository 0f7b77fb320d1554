import type {Dataset} from "../dataset/dataset.ts";
import type {TimeRange} from "../dataset/time-range.ts";
import type {OptionKeys} from "../options.ts";

/** Which dataset a point comes from. */
export const PRIMARY = 0;
export const REFERENCE = 1;

/** Primary and reference samples projected together: a point cloud whose points know their rows. */
export interface Projection {
  /** Row-major n × nComponents, centered (the mean subtracted). */
  readonly coordinates: Float32Array;
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
}

/** Options of `project`; every default is Phoenix's unless said. */
export interface ProjectOptions {
  /** The embedding feature to project. Required. */
  readonly embedding: string;
  /** Dimensions of the projection: 2 or 3. Default: 3. */
  readonly nComponents?: number;
  /** UMAP neighbours; Phoenix's UI allows 5–100. Default: 30. */
  readonly nNeighbors?: number;
  /** UMAP minimum distance, 0 ≤ minDist < 1. Default: 0. */
  readonly minDist?: number;
  /** Points sampled per dataset (rows with a vector). Default: 500. */
  readonly samples?: number;
  /** UMAP epochs. Default: 500 up to 10,000 points, else 200 (umap-learn's). */
  readonly nEpochs?: number;
  /** Distance between vectors. Default: "euclidean" (Phoenix's). */
  readonly metric?: "euclidean" | "cosine";
  /** Seed of the sampling and of UMAP (Phoenix does not seed; we do). Default: 0. */
  readonly seed?: number;
  /** Primary rows to sample from: start ≤ timestamp < end, epoch ms (the reference is sampled whole). Default: all. */
  readonly timeRange?: TimeRange;
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
  timeRange: true
};

export interface ResolvedProjectOptions {
  readonly embedding: string;
  readonly nComponents: 2 | 3;
  readonly nNeighbors: number;
  readonly minDist: number;
  readonly samples: number;
  readonly nEpochs: number | undefined;
  readonly metric: "euclidean" | "cosine";
  readonly seed: number;
  readonly timeRange: TimeRange | undefined;
}
