// The export cell's public surface: selected rows or clusters as one Parquet, Arrow, CSV or JSONL file.
export {exportRows} from "./export-rows.ts";
export type {ExportFile, ExportOptions} from "./export-rows.ts";
export type {ExportFormat} from "./formats.ts";
export type {ClustersSelection, ExportSelection, RowsSelection} from "./selection.ts";
export {CLUSTER_ID_COLUMN, DATASET_NAME_COLUMN} from "./export-table.ts";
