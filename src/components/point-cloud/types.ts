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
  /** [primary] or [primary, reference]: their names label the points. */
  readonly datasets: readonly {readonly name: string}[];
}

/** Cluster labels per point (a Clustering from `px.cluster`): −1 is noise. */
export interface PointClusters {
  /** The cluster of each point, −1 for noise. */
  readonly labels: Int32Array;
}

/**
 * How points are colored: by dataset (Phoenix's two colors), by cluster (a categorical palette, noise grey),
 * or by a number per point (a sequential scale from the smallest to the largest finite value; NaN grey).
 */
export type ColorBy = "dataset" | "cluster" | Float32Array | Float64Array | readonly number[];

/** The number of points in `data`. */
export const pointCount = (data: PointCloudData | undefined): number => data?.dataset.length ?? 0;
