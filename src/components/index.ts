// The views of src/components. Importing this module registers every element (once, however often it is
// imported); the classes and their types are the public surface.
import {PhxClusterExplorer} from "./cluster-explorer/cluster-explorer.ts";
import {defineElement} from "./define.ts";
import {PhxDriftTimeline} from "./drift-timeline/drift-timeline.ts";
import {PhxFeatureDriftTable} from "./feature-drift-table/feature-drift-table.ts";
import {PhxPointCloud} from "./point-cloud/point-cloud.ts";
import {PhxProjectionSettings} from "./projection-settings/projection-settings.ts";
import {PhxSelectionTable} from "./selection-table/selection-table.ts";

defineElement("phx-point-cloud", PhxPointCloud);
defineElement("phx-cluster-explorer", PhxClusterExplorer);
defineElement("phx-drift-timeline", PhxDriftTimeline);
defineElement("phx-feature-drift-table", PhxFeatureDriftTable);
defineElement("phx-selection-table", PhxSelectionTable);
defineElement("phx-projection-settings", PhxProjectionSettings);

export {
  PhxClusterExplorer,
  PhxDriftTimeline,
  PhxFeatureDriftTable,
  PhxPointCloud,
  PhxProjectionSettings,
  PhxSelectionTable
};
export type {
  ColorBy,
  ColorByName,
  PointCloudData,
  PointClusters,
  PointColumn,
  PointDataset
} from "./point-cloud/types.ts";
export type {LegendEntryKind, ShownLegend, ShownLegendEntry} from "./point-cloud/point-cloud.ts";
export {checkPointCloud} from "./point-cloud/check.ts";
export {linkClusters} from "./link-clusters.ts";
export type {DriftSeriesPoint, TimeWindow} from "./drift-timeline/timeline-chart.ts";
export type {DriftOrder} from "./feature-drift-table/sort.ts";
export type {
  PixelsOption,
  RowsPick,
  SelectedRow,
  SelectionTableData,
  TableDataset,
  TableSelection
} from "./selection-table/types.ts";
export {resolveRows, type TableRows} from "./selection-table/rows.ts";
export {
  checkField,
  SETTINGS_DEFAULTS,
  SETTINGS_FIELDS,
  type SettingsField,
  type SettingsFields
} from "./projection-settings/fields.ts";
export type {ProjectionSettings} from "./projection-settings/settings-value.ts";
export {palettes, type Palette, type Theme} from "./theme.ts";
export type {ViewSummary} from "./view.ts";

declare global {
  interface HTMLElementTagNameMap {
    "phx-point-cloud": PhxPointCloud;
    "phx-cluster-explorer": PhxClusterExplorer;
    "phx-drift-timeline": PhxDriftTimeline;
    "phx-feature-drift-table": PhxFeatureDriftTable;
    "phx-selection-table": PhxSelectionTable;
    "phx-projection-settings": PhxProjectionSettings;
  }
}
