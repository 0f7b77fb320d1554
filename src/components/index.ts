// The views of src/components. Importing this module registers every element (once, however often it is
// imported); the classes and their types are the public surface.
import {PhxClusterExplorer} from "./cluster-explorer/cluster-explorer.ts";
import {defineElement} from "./define.ts";
import {PhxDriftTimeline} from "./drift-timeline/drift-timeline.ts";
import {PhxFeatureDriftTable} from "./feature-drift-table/feature-drift-table.ts";
import {PhxPointCloud} from "./point-cloud/point-cloud.ts";

defineElement("phx-point-cloud", PhxPointCloud);
defineElement("phx-cluster-explorer", PhxClusterExplorer);
defineElement("phx-drift-timeline", PhxDriftTimeline);
defineElement("phx-feature-drift-table", PhxFeatureDriftTable);

export {PhxClusterExplorer, PhxDriftTimeline, PhxFeatureDriftTable, PhxPointCloud};
export type {ColorBy, PointCloudData, PointClusters} from "./point-cloud/types.ts";
export {checkPointCloud} from "./point-cloud/check.ts";
export type {DriftSeriesPoint, TimeWindow} from "./drift-timeline/timeline-chart.ts";
export type {DriftOrder} from "./feature-drift-table/sort.ts";
export {palettes, type Palette, type Theme} from "./theme.ts";
export type {ViewSummary} from "./view.ts";

declare global {
  interface HTMLElementTagNameMap {
    "phx-point-cloud": PhxPointCloud;
    "phx-cluster-explorer": PhxClusterExplorer;
    "phx-drift-timeline": PhxDriftTimeline;
    "phx-feature-drift-table": PhxFeatureDriftTable;
  }
}
