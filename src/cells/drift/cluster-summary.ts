import {checkMetric, metricOf, type RowsMetric} from "../metrics/cluster-metric.ts";
import {checkOptions, type OptionKeys} from "../options.ts";
import {PRIMARY, REFERENCE, type Projection} from "../project/projection.ts";

/** Options of `clusterSummary`. */
export interface ClusterSummaryOptions {
  /** A value per cluster and dataset: "accuracy" or a column statistic. Default: none. */
  readonly metric?: RowsMetric;
  /** The ranking, descending, nulls last. Default: "driftRatio" with a reference, else "metric" if given, else "size". */
  readonly sort?: "driftRatio" | "size" | "metric";
}

const SORTS: readonly unknown[] = ["driftRatio", "size", "metric"];

const CLUSTER_SUMMARY_OPTIONS: OptionKeys<ClusterSummaryOptions> = {metric: true, sort: true};

/** One cluster of a projection: its members per dataset, its drift ratio and the chosen metric. */
export interface ClusterSummary {
  /** The label in `clusters.labels`. */
  readonly id: number;
  /** Points in the cluster, primary and reference. */
  readonly size: number;
  /** Primary points in the cluster. */
  readonly primaryCount: number;
  /** Reference points in the cluster. */
  readonly referenceCount: number;
  /** Share of the projection's primary points that are in this cluster (0–1); null without primary points. */
  readonly primaryShare: number | null;
  /** Share of the projection's reference points in this cluster (0–1); null without reference points. */
  readonly referenceShare: number | null;
  /** (n_primary − n_reference) / (n_primary + n_reference): 1 only production, −1 only reference; null without a reference. */
  readonly driftRatio: number | null;
  /** The metric over the cluster's rows of each dataset (null where undefined or not asked). */
  readonly metric: {readonly primary: number | null; readonly reference: number | null} | null;
  /** The cluster's points (indices into the projection). */
  readonly points: Int32Array;
}

/**
 * Phoenix's cluster list: per cluster (noise excluded) its size, primary and reference counts and shares,
 * drift ratio and a metric; ranked by drift ratio (descending) when there is a reference.
 *
 * @param projection - The projection (px.project) the clusters were found in.
 * @param clusters - A label per point of the projection, −1 for noise: a Clustering from px.cluster.
 * @param options - The metric and the ranking; no timeRange (pass it to px.project).
 */
export function clusterSummary(
  projection: Projection,
  clusters: {readonly labels: Int32Array},
  options: ClusterSummaryOptions = {}
): ClusterSummary[] {
  // Its rows are the projection's points, already within px.project's timeRange: a second range here would
  // leave the counts and shares of one range beside the metric of another.
  if (typeof options === "object" && options !== null && "timeRange" in options)
    throw new TypeError(
      "px.clusterSummary: no timeRange here: the clusters hold the projection's rows (pass timeRange to px.project)"
    );
  checkOptions("px.clusterSummary", options, CLUSTER_SUMMARY_OPTIONS);
  if (!(projection?.dataset instanceof Uint8Array) || !Array.isArray(projection.datasets))
    throw new TypeError("px.clusterSummary: the first argument must be a projection (px.project)");
  if (!(clusters?.labels instanceof Int32Array))
    throw new TypeError(
      "px.clusterSummary: the second argument must be a clustering (px.cluster) of the projection"
    );
  const {labels} = clusters;
  if (labels.length !== projection.dataset.length) {
    throw new RangeError(`clusterSummary: ${labels.length} labels for ${projection.dataset.length} points`);
  }
  const hasReference = projection.datasets.length > 1;
  const {metric} = options;
  if (options.sort !== undefined && !SORTS.includes(options.sort))
    throw new RangeError(
      `px.clusterSummary: sort must be ${SORTS.map((s) => JSON.stringify(s)).join(", ")}, not ${JSON.stringify(options.sort)}`
    );
  if (metric) for (const dataset of projection.datasets) checkMetric(dataset, metric);
  const totals = [0, 0];
  const members = new Map<number, number[]>();
  for (let i = 0; i < labels.length; ++i) {
    ++totals[projection.dataset[i]!]!;
    const label = labels[i]!;
    if (label < 0) continue;
    let list = members.get(label);
    if (!list) members.set(label, (list = []));
    list.push(i);
  }
  const summaries = [...members.entries()].map(([id, list]): ClusterSummary => {
    const points = Int32Array.from(list);
    const rowsOf = (d: number) =>
      Int32Array.from(
        list.filter((i) => projection.dataset[i] === d),
        (i) => projection.row[i]!
      );
    const [primaryRows, referenceRows] = [rowsOf(PRIMARY), rowsOf(REFERENCE)];
    const [np, nr] = [primaryRows.length, referenceRows.length];
    return {
      id,
      size: list.length,
      primaryCount: np,
      referenceCount: nr,
      primaryShare: totals[PRIMARY] ? np / totals[PRIMARY]! : null,
      referenceShare: hasReference && totals[REFERENCE] ? nr / totals[REFERENCE]! : null,
      driftRatio: hasReference ? (np - nr) / (np + nr) : null,
      metric: metric
        ? {
            primary: np ? metricOf(projection.datasets[PRIMARY]!, metric, primaryRows) : null,
            reference:
              hasReference && nr ? metricOf(projection.datasets[REFERENCE]!, metric, referenceRows) : null
          }
        : null,
      points
    };
  });
  const sort = options.sort ?? (hasReference ? "driftRatio" : metric ? "metric" : "size");
  const key = (s: ClusterSummary): number | null =>
    sort === "size" ? s.size : sort === "driftRatio" ? s.driftRatio : (s.metric?.primary ?? null);
  return summaries.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    if (ka === null || kb === null) return ka === kb ? a.id - b.id : ka === null ? 1 : -1;
    return kb - ka || a.id - b.id;
  });
}
