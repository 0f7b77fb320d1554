import {
  checkField,
  checkPointCloud,
  linkClusters,
  resolveRows,
  SETTINGS_DEFAULTS,
  SETTINGS_FIELDS,
  PhxClusterExplorer,
  PhxDriftTimeline,
  PhxFeatureDriftTable,
  PhxPointCloud,
  PhxProjectionSettings,
  PhxSelectionTable,
  type ColorBy,
  type DriftOrder,
  type DriftSeriesPoint,
  type PointCloudData,
  type PixelsOption,
  type PointClusters,
  type SelectedRow,
  type SelectionTableData,
  type SettingsFields,
  type TableSelection,
  type Theme,
  type TimeWindow
} from "../components/index.ts";
import {checkOptions, type ClusterSummary, type FeatureDrift, type OptionKeys} from "../index.ts";

/** Options of `phx.pointCloud`. */
export interface PointCloudOptions {
  /**
   * "dataset", "cluster" (needs `clusters`), "correctness", "predictionLabel", "actualLabel", `{column: NAME}`
   * (a feature, tag or score column of the datasets) or a number per point. Default: "dataset".
   */
  colorBy?: ColorBy;
  /** The clustering (px.cluster), for colorBy "cluster" and the tooltip. Default: none. */
  clusters?: PointClusters;
  /** Point indices drawn larger and outlined, e.g. a cluster's `points`. Default: none. */
  highlight?: ArrayLike<number>;
  /** The hover text of a point index, shown as plain text. Default: none. */
  rawData?: (pointIndex: number) => unknown;
  /** Initially selected point indices (a reused view keeps its own). Default: none. */
  value?: ArrayLike<number>;
  /** CSS pixels. Default: 420. */
  height?: number;
  /** Point diameter in CSS pixels. Default: from the number of points (6 for 100, 4 for 10,000, 2 from 1,000,000). */
  pointSize?: number;
  /** Default: unset, which follows the reader's prefers-color-scheme. */
  theme?: Theme;
  /**
   * The cell's previous view (pass `this`): updated in place and returned, so the camera, selection, hover and
   * WebGL context stay when the inputs change. Anything else (`undefined` on a first run) makes a new view.
   * Default: none.
   */
  previous?: unknown;
}

const POINT_CLOUD_OPTIONS: OptionKeys<PointCloudOptions> = {
  previous: true,
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
  /** Default: unset, which follows the reader's prefers-color-scheme. */
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
  /** Default: unset, which follows the reader's prefers-color-scheme. */
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
  /** Default: unset, which follows the reader's prefers-color-scheme. */
  theme?: Theme;
}

const FEATURE_DRIFT_TABLE_OPTIONS: OptionKeys<FeatureDriftTableOptions> = {
  order: true,
  datasetNames: true,
  value: true,
  theme: true
};

/** Options of `phx.selectionTable`. */
export interface SelectionTableOptions {
  /** Extra columns of the datasets' tables, by name. Default: none. */
  columns?: readonly string[];
  /** The clustering (px.cluster) of the projection's points, for a cluster column. Default: none. */
  clusters?: PointClusters;
  /** The embedding whose raw data and link to data show. Default: the projection's. */
  embedding?: string;
  /** Images drawn from grey levels: a column of number lists or an embedding's name, and a width. Default: none. */
  pixels?: PixelsOption;
  /**
   * Whether http(s) image URLs in the data load as images; otherwise they show as links, and a published page
   * fetches nothing from another site. `data:image/` URLs always show. Default: false.
   */
  remoteImages?: boolean;
  /** The initially picked row. Default: none. */
  value?: SelectedRow;
  /** The scrolling area's height in CSS pixels. Default: 360. */
  height?: number;
  /** Default: unset, which follows the reader's prefers-color-scheme. */
  theme?: Theme;
}

const SELECTION_TABLE_OPTIONS: OptionKeys<SelectionTableOptions> = {
  columns: true,
  clusters: true,
  embedding: true,
  pixels: true,
  remoteImages: true,
  value: true,
  height: true,
  theme: true
};

/** What `phx.projectionSettings` takes: any of the settings, to start from instead of Phoenix's defaults. */
export type ProjectionSettingsDefaults = Partial<SettingsFields>;

const SETTINGS_OPTIONS: OptionKeys<ProjectionSettingsDefaults> = {
  nComponents: true,
  nNeighbors: true,
  minDist: true,
  samples: true,
  minClusterSize: true,
  minSamples: true,
  clusterSelectionEpsilon: true
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
   * Links a point cloud and a cluster explorer made by other cells: picking a cluster rings its points in the
   * cloud; clicking a point picks its cluster's row (firing the explorer's `input`). Neither is re-created;
   * linking again replaces the cloud's previous link.
   *
   * @param cloud - A phx.pointCloud view (`viewof selection`) with `clusters`.
   * @param explorer - A phx.clusterExplorer view of the same clustering (`viewof pickedCluster`).
   */
  linkClusters(cloud: PhxPointCloud, explorer: PhxClusterExplorer): void;
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
  /**
   * The rows of a selection as a sortable, virtualized table (dataset, cluster, labels, raw data, image, extra
   * columns); its value is the row clicked, `{dataset, row, point}` (null before one).
   *
   * @param projection - What px.project returned: its points name the rows, its datasets hold them.
   * @param selection - Point indices (phx.pointCloud's value) or rows by dataset (px.similar's result, kept in
   *   rank order with its distances). Null or undefined: none.
   * @param options - Extra columns, clusters, the embedding, images, the initial pick, the height and the theme.
   */
  selectionTable(
    projection: SelectionTableData,
    selection: TableSelection | null | undefined,
    options?: SelectionTableOptions
  ): PhxSelectionTable;
  /**
   * Phoenix's projection and clustering controls; its value is `{project, cluster}`, for
   * `px.project(datasets, {embedding, ...settings.project})` and `px.cluster(projection, settings.cluster)`.
   *
   * @param defaults - Settings to start from instead of Phoenix's (dimensions 3, n neighbors 30, min dist 0,
   *   samples 500, min cluster size 10, min samples 1, cluster selection epsilon 0), each checked against its
   *   range.
   */
  projectionSettings(defaults?: ProjectionSettingsDefaults): PhxProjectionSettings;
}

export const phx: Phx = {
  pointCloud(projection, options = {}) {
    checkOptions("phx.pointCloud", options, POINT_CLOUD_OPTIONS);
    checkPointCloud(projection, options);
    const {previous} = options;
    const reused = previous instanceof PhxPointCloud;
    const element = reused ? previous : document.createElement("phx-point-cloud");
    element.projection = projection;
    element.colorBy = options.colorBy ?? "dataset";
    element.clusters = options.clusters;
    element.highlight = options.highlight;
    element.rawData = options.rawData;
    if (!reused) element.value = options.value;
    assignDefined(element, {height: options.height, pointSize: options.pointSize, theme: options.theme});
    return element;
  },
  linkClusters(cloud, explorer) {
    if (!(cloud instanceof PhxPointCloud) || !(explorer instanceof PhxClusterExplorer))
      throw new TypeError("phx.linkClusters needs a phx.pointCloud view and a phx.clusterExplorer view");
    linkClusters(cloud, explorer);
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
  },
  selectionTable(projection, selection, options = {}) {
    checkOptions("phx.selectionTable", options, SELECTION_TABLE_OPTIONS);
    checkSelectionTable(projection, options);
    const rows = selection ?? [];
    resolveRows(projection, rows); // throws, naming a point or row out of range, before an element is made
    const element = document.createElement("phx-selection-table");
    element.data = projection;
    element.selection = rows;
    element.value = options.value ?? null;
    assignDefined(element, {
      clusters: options.clusters,
      columns: options.columns,
      embedding: options.embedding,
      pixels: options.pixels,
      remoteImages: options.remoteImages,
      height: options.height,
      theme: options.theme
    });
    return element;
  },
  projectionSettings(defaults = {}) {
    checkOptions("phx.projectionSettings", defaults, SETTINGS_OPTIONS);
    const fields = {...SETTINGS_DEFAULTS};
    for (const field of SETTINGS_FIELDS) {
      const given = defaults[field.name];
      if (given === undefined) continue;
      const checked = checkField(field, given);
      if (!checked.ok) throw new RangeError(`phx.projectionSettings: ${checked.message}`);
      Object.assign(fields, {[field.name]: checked.value});
    }
    const element = document.createElement("phx-projection-settings");
    element.value = {
      project: {
        nComponents: fields.nComponents,
        nNeighbors: fields.nNeighbors,
        minDist: fields.minDist,
        samples: fields.samples
      },
      cluster: {
        minClusterSize: fields.minClusterSize,
        minSamples: fields.minSamples,
        clusterSelectionEpsilon: fields.clusterSelectionEpsilon
      }
    };
    return element;
  }
};

// A projection with its datasets' tables, and options that name columns and points it has.
function checkSelectionTable(projection: SelectionTableData, options: SelectionTableOptions): void {
  if (!projection?.row || !Array.isArray(projection.datasets) || !projection.datasets.every((d) => d?.table))
    throw new TypeError("selectionTable needs a projection from px.project (its points and datasets)");
  const has = (name: string) => projection.datasets.some((d) => d.table.getChild(name));
  for (const name of options.columns ?? [])
    if (!has(name))
      throw new RangeError(`phx.selectionTable: no column ${JSON.stringify(name)} in the datasets`);
  const {pixels, clusters} = options;
  checkOptions("phx.selectionTable", pixels, {column: true, width: true}, "pixels");
  if (pixels && !projection.datasets.some((d) => d.schema.embeddings[pixels.column]) && !has(pixels.column))
    throw new RangeError(
      `phx.selectionTable: pixels.column ${JSON.stringify(pixels.column)} is no column or embedding`
    );
  if (clusters && clusters.labels.length !== projection.row.length)
    throw new RangeError(
      `phx.selectionTable: clusters have ${clusters.labels.length} labels for ${projection.row.length} points`
    );
}

// Options left out keep the element's own defaults.
function assignDefined<T extends object>(element: T, values: {[K in keyof T]?: T[K] | undefined}): void {
  for (const [key, value] of Object.entries(values))
    if (value !== undefined) (element as Record<string, unknown>)[key] = value;
}
