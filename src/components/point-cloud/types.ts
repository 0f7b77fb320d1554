/** A column of a dataset's table, as Apache Arrow's `Vector` reads it. */
export interface PointColumn {
  /** The value in row `row` (null where missing). */
  get(row: number): unknown;
}

/** The columns the point cloud reads from a dataset: the Arrow table and the schema naming its fields. */
export interface PointDataset {
  /** Labels the points and the legend. */
  readonly name: string;
  /** The dataset's table (Apache Arrow), for colorBy a column, labels or correctness. Default: none. */
  readonly table?: {getChild(name: string): PointColumn | null};
  /** Which columns hold the labels, features, tags and scores (a resolved px schema). Default: none. */
  readonly schema?: {
    readonly features: readonly string[];
    readonly tags: readonly string[];
    readonly predictionLabel: string | null;
    readonly predictionScore: string | null;
    readonly actualLabel: string | null;
    readonly actualScore: string | null;
  };
}

/**
 * The points a point cloud draws: a Projection from `px.project`, or anything shaped like one (the view reads
 * only these fields).
 */
export interface PointCloudData {
  /** Row-major n × nComponents. */
  readonly coordinates: Float32Array;
  /** Coordinates per point: 2 or 3. */
  readonly nComponents: 2 | 3;
  /** Per point: 0 primary, 1 reference. */
  readonly dataset: Uint8Array;
  /** Per point: its row in its dataset. */
  readonly row: Int32Array;
  /** [primary] or [primary, reference]: their names label the points, their tables give colorBy columns. */
  readonly datasets: readonly PointDataset[];
}

/** Cluster labels per point (a Clustering from `px.cluster`): −1 is noise. */
export interface PointClusters {
  /** The cluster of each point, −1 for noise. */
  readonly labels: Int32Array;
}

/** The named ways to color points (see ColorBy). */
export type ColorByName = "dataset" | "cluster" | "correctness" | "predictionLabel" | "actualLabel";

/**
 * How points are colored: by dataset (Phoenix's two colors), cluster (noise grey), correctness (prediction
 * label = actual label), prediction or actual label, `{column}` (any feature, tag or score column of the
 * datasets), or a number per point. Text and booleans get a categorical palette (the ten most frequent values,
 * then "other", and "missing" for nulls); numbers a sequential scale from the smallest to the largest finite
 * value (missing grey).
 */
export type ColorBy =
  ColorByName | {readonly column: string} | Float32Array | Float64Array | readonly number[];

/** The number of points in `data`. */
export const pointCount = (data: PointCloudData | undefined): number => data?.dataset.length ?? 0;
