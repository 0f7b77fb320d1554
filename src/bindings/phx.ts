import {
  checkPointCloud,
  PhxClusterExplorer,
  PhxDriftTimeline,
  PhxFeatureDriftTable,
  PhxPointCloud,
  type ColorBy,
  type DriftOrder,
  type DriftSeriesPoint,
  type PointCloudData,
  type PointClusters,
  type Theme,
  type TimeWindow
} from "../components/index.ts";
import {checkOptions, type ClusterSummary, type FeatureDrift, type OptionKeys} from "../index.ts";

/** Options of `phx.pointCloud`. */
export interface PointCloudOptions {
  /** "dataset", "cluster" (needs `clusters`) or a number per point. Default: "dataset". */
  colorBy?: ColorBy;
  /** The clustering (px.cluster), for colorBy "cluster" and the tooltip. Default: none. */
  clusters?: PointClusters;
  /** Point indices drawn larger and outlined, e.g. a cluster's `points`. Default: none. */
  highlight?: ArrayLike<number>;
  /** The hover text of a point index, shown as plain text. Default: none. */
  rawData?: (pointIndex: number) => unknown;
  /** Initially selected point indices. Default: none. */
  value?: ArrayLike<number>;
  /** CSS pixels. Default: 420. */
  height?: number;
  /** Point diameter in CSS pixels. Default: 4. */
  pointSize?: number;
  /** Default: "light". */
  theme?: Theme;
}

const POINT_CLOUD_OPTIONS: OptionKeys<PointCloudOptions> = {
  colorBy: true,
  clusters: true,
  highlight: true,
  rawData: true,
  value: true,
  height: true,
  pointSize: true,
  theme: true
};

/** Options of `phx.clusterExplorer`. */
export interface ClusterExplorerOptions {
  /** The metric's column header. Default: "metric". */
  metricLabel?: string;
  /** The primary and reference names in headers. Default: ["primary", "reference"]. */
  datasetNames?: readonly [string, string];
  /** The initially selected cluster id. Default: none. */
  value?: number;
  /** Default: "light". */
  theme?: Theme;
}

const CLUSTER_EXPLORER_OPTIONS: OptionKeys<ClusterExplorerOptions> = {
  metricLabel: true,
  datasetNames: true,
  value: true,
  theme: true
};

/** Options of `phx.driftTimeline`. */
export interface DriftTimelineOptions {
  /** The y axis label. Default: "drift". */
  label?: string;
  /** The window a click picks, in ms. Default: the spacing of the points. */
  window?: number;
  /** The initially picked window. Default: none. */
  value?: TimeWindow;
  /** CSS pixels. Default: 220. */
  height?: number;
  /** Default: "light". */
  theme?: Theme;
}

const DRIFT_TIMELINE_OPTIONS: OptionKeys<DriftTimelineOptions> = {
  label: true,
  window: true,
  value: true,
  height: true,
  theme: true
};

/** Options of `phx.featureDriftTable`. */
export interface FeatureDriftTableOptions {
  /** Default: "descending" by value. */
  order?: DriftOrder;
  /** The primary and reference names in the bins chart. Default: ["primary", "reference"]. */
  datasetNames?: readonly [string, string];
  /** The feature whose bins show at first. Default: none. */
  value?: string;
  /** Default: "light". */
  theme?: Theme;
}

const FEATURE_DRIFT_TABLE_OPTIONS: OptionKeys<FeatureDriftTableOptions> = {
  order: true,
  datasetNames: true,
  value: true,
  theme: true
};

/** The `phx` builtin: the views of src/components, made from cell values, ready for `viewof`. */
export interface Phx {
  /**
   * The point cloud of a projection (WebGL, 2-D or 3-D); its value is the selected point indices.
   *
   * @param projection - What px.project returned.
   * @param options - Colouring, clusters, highlight, hover text, size and theme.
   */
  pointCloud(projection: PointCloudData, options?: PointCloudOptions): PhxPointCloud;
  /**
   * The clusters ranked by drift, one row each; its value is the picked cluster (null before a pick).
   *
   * @param summary - What px.clusterSummary returned.
   * @param options - The metric's label, the datasets' names, the initial pick and the theme.
   */
  clusterExplorer(summary: readonly ClusterSummary[], options?: ClusterExplorerOptions): PhxClusterExplorer;
  /**
   * The embedding drift over time; its value is the window brushed or clicked (null before one).
   *
   * @param series - What px.embeddingDrift returned for windows (its series).
   * @param options - The label, the initial window, the height and the theme.
   */
  driftTimeline(series: readonly DriftSeriesPoint[], options?: DriftTimelineOptions): PhxDriftTimeline;
  /**
   * Feature drift as a sortable table with each feature's bins; its value is the feature clicked.
   *
   * @param drift - What px.featureDrift returned.
   * @param options - The order, the datasets' names, the initially shown feature and the theme.
   */
  featureDriftTable(drift: readonly FeatureDrift[], options?: FeatureDriftTableOptions): PhxFeatureDriftTable;
}

export const phx: Phx = {
  pointCloud(projection, options = {}) {
    checkOptions("phx.pointCloud", options, POINT_CLOUD_OPTIONS);
    checkPointCloud(projection, options);
    const element = document.createElement("phx-point-cloud");
    element.projection = projection;
    element.colorBy = options.colorBy ?? "dataset";
    element.clusters = options.clusters;
    element.highlight = options.highlight;
    element.rawData = options.rawData;
    element.value = options.value;
    assignDefined(element, {height: options.height, pointSize: options.pointSize, theme: options.theme});
    return element;
  },
  clusterExplorer(summary, options = {}) {
    checkOptions("phx.clusterExplorer", options, CLUSTER_EXPLORER_OPTIONS);
    if (!Array.isArray(summary))
      throw new TypeError("clusterExplorer needs the clusters of px.clusterSummary");
    const element = document.createElement("phx-cluster-explorer");
    element.summary = summary;
    element.value = summary.find((s) => s.id === options.value) ?? null;
    assignDefined(element, {
      metricLabel: options.metricLabel,
      datasetNames: options.datasetNames,
      theme: options.theme
    });
    return element;
  },
  driftTimeline(series, options = {}) {
    checkOptions("phx.driftTimeline", options, DRIFT_TIMELINE_OPTIONS);
    if (!Array.isArray(series))
      throw new TypeError("driftTimeline needs a series: [{timestamp, value, count}, …]");
    const element = document.createElement("phx-drift-timeline");
    element.series = series;
    element.window = options.window;
    element.value = options.value ?? null;
    assignDefined(element, {label: options.label, height: options.height, theme: options.theme});
    return element;
  },
  featureDriftTable(drift, options = {}) {
    checkOptions("phx.featureDriftTable", options, FEATURE_DRIFT_TABLE_OPTIONS);
    if (!Array.isArray(drift)) throw new TypeError("featureDriftTable needs the features of px.featureDrift");
    const element = document.createElement("phx-feature-drift-table");
    element.drift = drift;
    element.value = drift.find((d) => d.feature === options.value) ?? null;
    assignDefined(element, {order: options.order, datasetNames: options.datasetNames, theme: options.theme});
    return element;
  }
};

// Options left out keep the element's own defaults.
function assignDefined<T extends object>(element: T, values: {[K in keyof T]?: T[K] | undefined}): void {
  for (const [key, value] of Object.entries(values))
    if (value !== undefined) (element as Record<string, unknown>)[key] = value;
}
