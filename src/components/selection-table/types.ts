import type {Table} from "apache-arrow";
import type {Schema} from "../../index.ts";

/** A dataset as the table reads it: a Dataset from px.load, or anything shaped like one. */
export interface TableDataset {
  /** Shown in the dataset column. */
  readonly name: string;
  /** The rows, as read. */
  readonly table: Table;
  /** What the columns mean (labels, embeddings' raw data and links). */
  readonly schema: Schema;
}

/** The points the table's rows come from: a Projection from px.project, or anything shaped like one. */
export interface SelectionTableData {
  /** Per point: 0 primary, 1 reference. */
  readonly dataset: Uint8Array;
  /** Per point: its row in its dataset. */
  readonly row: Int32Array;
  /** [primary] or [primary, reference]. */
  readonly datasets: readonly TableDataset[];
  /** The embedding projected, whose raw data and link the table shows. Default: the schema's first. */
  readonly embedding?: string;
}

/**
 * Rows by dataset (px.similar's result, a lasso's rows): `primary` and `reference` rows. With the ranked
 * arrays of a SimilarRows (`dataset`, `row`, `distance`), the rank order and the distances are shown.
 */
export interface RowsPick {
  /** Rows of the primary dataset. Default: none. */
  readonly primary?: ArrayLike<number>;
  /** Rows of the reference dataset. Default: none. */
  readonly reference?: ArrayLike<number>;
  /** Per rank: 0 primary, 1 reference (px.similar's). Default: none (primary rows, then reference rows). */
  readonly dataset?: Uint8Array;
  /** Per rank: the row in its dataset (px.similar's). Default: none. */
  readonly row?: Int32Array;
  /** Per rank: the distance (px.similar's). Default: none (no distance column). */
  readonly distance?: Float64Array;
}

/** What the table lists: point indices (phx.pointCloud's value) or rows by dataset (px.similar's result). */
export type TableSelection = ArrayLike<number> | RowsPick;

/** The row the user clicked: its dataset, its row in that dataset, and its point (−1 when not projected). */
export interface SelectedRow {
  /** 0 primary, 1 reference. */
  readonly dataset: number;
  /** The row in its dataset's table. */
  readonly row: number;
  /** The projection's point index of that row; −1 when the row is not among the projected points. */
  readonly point: number;
}

/** How images are drawn from a vector of grey levels (the digits' 64 values make an 8 × 8 picture). */
export interface PixelsOption {
  /** A column of number lists, or an embedding's name (its vector column). */
  readonly column: string;
  /** Pixels per image row. Default: the square root of the vector's length. */
  readonly width?: number;
}
