import {Int32, Table, Utf8, Vector, makeData, vectorFromArray} from "apache-arrow";
import type {Dataset} from "../dataset/dataset.ts";
import {DatasetError} from "../dataset/errors.ts";
import {exportColumns} from "./columns.ts";
import {gatherColumn} from "./gather.ts";
import type {ResolvedSelection} from "./selection.ts";

/** Phoenix's column naming the dataset each row comes from; added when both datasets contribute rows. */
export const DATASET_NAME_COLUMN = "__phoenix_dataset_name__";
/** Phoenix's column holding each row's cluster; added to cluster exports. */
export const CLUSTER_ID_COLUMN = "__phoenix_cluster_id__";

/**
 * The exported rows as one Arrow table: the original columns in their original order (the union of the
 * contributing datasets', see exportColumns), primary rows first, then Phoenix's added columns.
 */
export function exportTable(datasets: readonly Dataset[], selection: ResolvedSelection): Table {
  // Only datasets with selected rows shape the columns: exporting primary rows adds no reference-only column.
  const contributing = datasets.flatMap((dataset, d) =>
    selection.rows[d]!.length ? [{dataset, d, rows: selection.rows[d]!}] : []
  );
  const columns: Record<string, Vector> = {};
  for (const {name, type, sources} of exportColumns(contributing.map(({dataset}) => dataset))) {
    columns[name] = gatherColumn(
      type,
      contributing.map(({rows}, i) => ({column: sources[i]!, rows}))
    );
  }
  const added = (name: string, vector: () => Vector) => {
    const owner = contributing.find(({dataset}) => dataset.table.getChild(name));
    if (owner) {
      throw new DatasetError(owner.dataset.source, [
        {column: name, message: "is the name of a column that exportRows adds: rename it to export"}
      ]);
    }
    columns[name] = vector();
  };
  if (contributing.length > 1) {
    added(DATASET_NAME_COLUMN, () =>
      vectorFromArray(
        contributing.flatMap(({dataset, rows}) => Array<string>(rows.length).fill(dataset.name)),
        new Utf8()
      )
    );
  }
  const {clusterIds} = selection;
  if (clusterIds) {
    added(CLUSTER_ID_COLUMN, () => {
      const ids = new Int32Array(contributing.reduce((sum, {rows}) => sum + rows.length, 0));
      let at = 0;
      for (const {d} of contributing) {
        ids.set(clusterIds[d]!, at);
        at += clusterIds[d]!.length;
      }
      return new Vector([makeData({type: new Int32(), length: ids.length, data: ids})]);
    });
  }
  return new Table(columns);
}
