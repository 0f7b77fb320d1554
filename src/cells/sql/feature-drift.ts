import type {Field} from "apache-arrow";
import {booleansAsNumbers, type ColumnKind, type DiscreteKeys} from "../dataset/column-values.ts";
import {DatasetError} from "../dataset/errors.ts";
import {checkTimeRange} from "../dataset/time-range.ts";
import {binningFromQuantiles, DECILES} from "../drift/binning.ts";
import {
  checkSameKind,
  defaultFeatures,
  featureKind,
  sharedFeatures,
  skipUnbinnable,
  unbinnableSide,
  withWarnings
} from "../drift/default-features.ts";
import {divergence, driftMetric} from "../drift/divergence.ts";
import {numpyLerp} from "../drift/quantile.ts";
import type {FeatureDrift, FeatureDriftOptions, FeatureDrifts} from "../drift/feature-drift.ts";
import {binExpression, discreteKeys, keyCounts, numberExpression, type KeyCounts} from "./bin-counts.ts";
import {
  ALL_ROWS,
  windowGrouping,
  windowSeries,
  windowsOfGroup,
  type Grouping,
  type WindowSeries
} from "./grouping.ts";
import {exactQuantiles} from "./quantiles.ts";
import type {SqlDataset} from "./sql-dataset.ts";
import {ident, sql} from "./sql.ts";

/**
 * px.featureDrift on datasets in a database: the reference's deciles (exact order statistics), then counts
 * per bin, per time range and per window, grouped in SQL; only the counts come back. Discrete bins are
 * listed in the order of their values (a database keeps no row order to find first appearances by).
 */
export async function sqlFeatureDrift(
  primary: SqlDataset,
  reference: SqlDataset,
  options: FeatureDriftOptions
): Promise<FeatureDrifts> {
  const metric = driftMetric(options.metric ?? "psi");
  const features =
    options.features ?? sharedFeatures(primary, (name) => reference.fields.some((f) => f.name === name));
  const range =
    options.timeRange === undefined
      ? primary.timeRange
      : checkTimeRange("px.featureDrift", options.timeRange, "timeRange");
  const evaluationWindow = options.evaluationWindow;
  if (evaluationWindow !== undefined && !(evaluationWindow > 0))
    throw new RangeError(`evaluationWindow must be a positive number of ms, not ${evaluationWindow}`);
  const series =
    evaluationWindow === undefined
      ? null
      : windowSeries(range, evaluationWindow, options.samplingInterval ?? evaluationWindow);
  // The primary's rows in the range (px_in = 1) and out of it, in one pass: the out-of-range rows name bins too.
  const inRange: Grouping = {
    keys: [
      {
        name: "px_in",
        expression: sql`CASE WHEN "px_t" >= ${range.start} AND "px_t" < ${range.end} THEN 1 ELSE 0 END`
      }
    ],
    where: null
  };
  const results: FeatureDrift[] = [];
  const warnings: string[] = [];
  for (const feature of features) {
    const [p, q] = [fieldOf(primary, feature), fieldOf(reference, feature)];
    // Declared types, not the data: a database column of the wrong type is a mismatch even where all null.
    const side = (dataset: SqlDataset, field: Field, other: Field) => ({
      source: dataset.source,
      type: field.type,
      hasValues: true,
      kind: featureKind(dataset.schema, feature, field.type, other.type)
    });
    const [ps, qs] = [side(primary, p, q), side(reference, q, p)];
    const unbinnable = unbinnableSide(ps, qs);
    if (unbinnable) {
      skipUnbinnable(feature, unbinnable, options.features !== undefined, warnings);
      continue;
    }
    const kind = ps.kind!;
    checkSameKind(feature, {...ps, kind}, qs);
    const binned =
      kind === "continuous"
        ? await continuous(p, q)
        : discrete(feature, {booleansAsNumbers: booleansAsNumbers(p.type, q.type)});
    const [referenceCounts, primaryCounts, windowCounts] = await Promise.all([
      binned.count(reference, ALL_ROWS),
      binned.count(primary, inRange),
      series ? binned.count(primary, windowGrouping(series)) : null
    ]);
    const labels = binned.labels([referenceCounts, primaryCounts, ...(windowCounts ? [windowCounts] : [])]);
    const binsOf = (counts: KeyCounts, keep: (keys: readonly number[]) => boolean) => {
      const out = new Float64Array(labels.length);
      counts.counts.forEach((count, row) => {
        if (keep(counts.keys[row]!)) out[binned.index(counts, row, labels)]! += count;
      });
      return out;
    };
    const referenceBins = binsOf(referenceCounts, () => true);
    const primaryBins = binsOf(primaryCounts, (keys) => keys[0] === 1);
    const result: FeatureDrift = {
      feature,
      kind,
      metric,
      value: divergence(metric, primaryBins, referenceBins),
      bins: {labels, primary: primaryBins, reference: referenceBins}
    };
    if (!series || !windowCounts) {
      results.push(result);
      continue;
    }
    const perWindow = windowBins(series, windowCounts, labels.length, (row) =>
      binned.index(windowCounts, row, labels)
    );
    results.push({
      ...result,
      series: series.ends.map((timestamp, w) => {
        const counts = perWindow[w]!;
        const count = counts.reduce((a, b) => a + b, 0);
        return {
          timestamp,
          start: timestamp - series.evaluationWindow,
          value: count ? divergence(metric, counts, referenceBins) : null,
          count
        };
      })
    });
  }
  return withWarnings(results, warnings);

  // The reference's deciles (its values but NaN, infinities included, in NumPy's arithmetic) bin both
  // columns, as in memory.
  async function continuous(p: Field, q: Field): Promise<Binned> {
    const {quantiles} = await exactQuantiles(
      reference,
      numberExpression(reference, q),
      ALL_ROWS,
      (x) => sql`NOT ${reference.dialect.isNaN(x)}`,
      DECILES,
      numpyLerp
    );
    const binning = binningFromQuantiles(quantiles);
    const expression = (dataset: SqlDataset) => binExpression(dataset, binning);
    return {
      kind: "continuous",
      count: (dataset, grouping) =>
        keyCounts(
          dataset,
          grouping,
          expression(dataset),
          numberExpression(dataset, dataset === reference ? q : p)
        ),
      labels: () => binning.labels,
      index: (counts, row) => Number(counts.bins.get(row))
    };
  }
}

/** A column's bins, however they are made: the counting query, the labels, and each result row's bin. */
interface Binned {
  readonly kind: ColumnKind;
  count(dataset: SqlDataset, grouping: Grouping): Promise<KeyCounts>;
  /** The labels, from every count that names a bin (discrete) or from the binning (continuous). */
  labels(counts: readonly KeyCounts[]): readonly string[];
  /** The bin (index into the labels) of a count's row. */
  index(counts: KeyCounts, row: number, labels: readonly string[]): number;
}

// Discrete columns: a bin per distinct value (as text, as in memory), sorted, the null bin last.
function discrete(name: string, options: DiscreteKeys): Binned {
  const keyCache = new WeakMap<KeyCounts, (string | null)[]>();
  const keysOf = (counts: KeyCounts) => {
    let keys = keyCache.get(counts);
    if (!keys) keyCache.set(counts, (keys = discreteKeys(counts.bins, options)));
    return keys;
  };
  const indexCache = new WeakMap<readonly string[], Map<string, number>>();
  return {
    kind: "discrete",
    count: (dataset, grouping) => keyCounts(dataset, grouping, ident(name)),
    labels: (counts) => {
      const values = new Set<string>();
      for (const c of counts) for (const key of keysOf(c)) if (key !== null) values.add(key);
      return [...[...values].sort(), "null"];
    },
    index: (counts, row, labels) => {
      let index = indexCache.get(labels);
      if (!index)
        indexCache.set(labels, (index = new Map(labels.slice(0, -1).map((label, i) => [label, i]))));
      const key = keysOf(counts)[row];
      return key === null || key === undefined ? labels.length - 1 : index.get(key)!;
    }
  };
}

// Counts per window and bin: each group's rows count in every window of its run.
function windowBins(
  series: WindowSeries,
  counts: KeyCounts,
  numBins: number,
  binOf: (row: number) => number
): Float64Array[] {
  const perWindow = series.ends.map(() => new Float64Array(numBins));
  counts.counts.forEach((count, row) => {
    const [a, b] = counts.keys[row]!;
    const {from, to} = windowsOfGroup(series, a!, b!);
    const bin = binOf(row);
    for (let w = from; w <= to; ++w) perWindow[w]![bin]! += count;
  });
  return perWindow;
}

function fieldOf(dataset: SqlDataset, feature: string): Field {
  const field = dataset.fields.find((f) => f.name === feature);
  if (field) return field;
  const known = defaultFeatures(dataset)
    .map((name) => `"${name}"`)
    .join(", ");
  throw new DatasetError(dataset.source, [
    {message: `unknown feature: "${feature}" (${dataset.name} has ${known || "no features"})`}
  ]);
}
