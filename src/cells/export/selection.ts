import type {Dataset} from "../dataset/dataset.ts";
import type {Projection} from "../project/projection.ts";

/** Rows picked by index (a lasso, a table selection): 0-based rows of each dataset, in any order, repeats allowed. */
export interface RowsSelection {
  /** Rows of the primary dataset. Default: none. */
  readonly primary?: ArrayLike<number>;
  /** Rows of the reference dataset. Default: none. */
  readonly reference?: ArrayLike<number>;
}

/** Whole clusters of a projection: the rows of their points, each tagged with its cluster's id. */
export interface ClustersSelection {
  /** The projection (px.project) whose points the labels cluster. */
  readonly projection: Projection;
  /** Cluster of each projected point (`cluster(...).labels`); −1 is noise. */
  readonly labels: Int32Array;
  /** The ids (labels) of the clusters to export. */
  readonly clusters: readonly number[];
}

/** What to export: rows by index, or whole clusters (a selection with a `projection`). */
export type ExportSelection = RowsSelection | ClustersSelection;

/** Per dataset, the rows to export: ascending, each once; for cluster exports, each row's cluster. */
export interface ResolvedSelection {
  /** Indexed like the datasets: [primary rows, reference rows]. */
  readonly rows: readonly Int32Array[];
  /** The cluster id of each exported row, parallel to `rows`; null for a rows selection. */
  readonly clusterIds: readonly Int32Array[] | null;
}

const NAMES = ["primary", "reference"] as const;
const MAX_IDS_SHOWN = 20;

/** Checks a selection against the datasets and puts its rows in order, duplicates removed. */
export function resolveSelection(
  datasets: readonly Dataset[],
  selection: ExportSelection
): ResolvedSelection {
  const resolved =
    "projection" in selection ? clusterRows(datasets, selection) : pickedRows(datasets, selection);
  if (resolved.rows.every((rows) => rows.length === 0))
    throw new RangeError("exportRows: empty selection: no rows to export");
  return resolved;
}

function pickedRows(datasets: readonly Dataset[], selection: RowsSelection): ResolvedSelection {
  const picks = [selection.primary, selection.reference];
  if (picks[1]?.length && datasets.length < 2)
    throw new RangeError("exportRows: reference rows were given but there is no reference dataset");
  const rows = datasets.map((dataset, d) => {
    // A flag per row: marking then scanning sorts and deduplicates in O(rows), with no comparison sort.
    const picked = new Uint8Array(dataset.table.numRows);
    const pick = picks[d] ?? [];
    for (let i = 0; i < pick.length; ++i) {
      const row = pick[i]!;
      if (!(Number.isInteger(row) && row >= 0 && row < picked.length)) {
        throw new RangeError(
          `exportRows: ${NAMES[d]} row ${row} is out of range (${dataset.name} has rows 0 to ${picked.length - 1})`
        );
      }
      picked[row] = 1;
    }
    return flagged(picked);
  });
  return {rows, clusterIds: null};
}

function clusterRows(datasets: readonly Dataset[], selection: ClustersSelection): ResolvedSelection {
  const {projection, labels, clusters} = selection;
  if (labels.length !== projection.row.length) {
    throw new RangeError(
      `exportRows: ${labels.length} cluster labels for ${projection.row.length} projected points`
    );
  }
  checkProjectionDatasets(datasets, projection);
  const known = new Set<number>();
  for (let i = 0; i < labels.length; ++i) if (labels[i]! >= 0) known.add(labels[i]!);
  const unknown = clusters.filter((id) => !known.has(id));
  if (unknown.length) {
    const ids = [...known].sort((a, b) => a - b);
    const list = ids.length
      ? `the clusters are ${ids.slice(0, MAX_IDS_SHOWN).join(", ")}${ids.length > MAX_IDS_SHOWN ? ", …" : ""}`
      : "there are no clusters, only noise";
    throw new RangeError(`exportRows: unknown cluster ${unknown.map(String).join(", ")} (${list})`);
  }
  const chosen = new Set(clusters);
  // Per dataset row: the cluster it is exported with, −1 when it is not. A row is one point of a projection,
  // so it has one cluster; were it projected twice, its first point would win.
  const clusterOf = datasets.map((dataset) => new Int32Array(dataset.table.numRows).fill(-1));
  for (let i = 0; i < labels.length; ++i) {
    const label = labels[i]!;
    if (!chosen.has(label)) continue;
    const of = clusterOf[projection.dataset[i]!]!;
    const row = projection.row[i]!;
    if (of[row] === -1) of[row] = label;
  }
  const rows = clusterOf.map((of) => flagged(of.map((label) => (label >= 0 ? 1 : 0))));
  return {rows, clusterIds: rows.map((list, d) => list.map((row) => clusterOf[d]![row]!))};
}

// Projected points name rows of the projection's datasets: exporting them from others would take wrong rows.
function checkProjectionDatasets(datasets: readonly Dataset[], projection: Projection): void {
  projection.datasets.forEach((used, d) => {
    const given = datasets[d];
    if (given === used) return;
    if (!given || given.name !== used.name || given.numRows !== used.numRows) {
      const what = given ? `${given.name} (${given.numRows} rows)` : "no dataset";
      throw new RangeError(
        `exportRows: the projection's ${NAMES[d]} dataset is ${used.name} (${used.numRows} rows), but ${what} was given`
      );
    }
  });
}

/** The indices whose flag is set, ascending. */
function flagged(flags: ArrayLike<number>): Int32Array {
  let count = 0;
  for (let i = 0; i < flags.length; ++i) if (flags[i]) ++count;
  const rows = new Int32Array(count);
  for (let i = 0, k = 0; i < flags.length; ++i) if (flags[i]) rows[k++] = i;
  return rows;
}
