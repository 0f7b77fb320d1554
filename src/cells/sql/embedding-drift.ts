import {DatasetError} from "../dataset/errors.ts";
import {checkTimeRange} from "../dataset/time-range.ts";
import {euclidean} from "../drift/centroids.ts";
import type {DriftPoint, EmbeddingDriftOptions} from "../drift/embedding-drift.ts";
import {vectorSums} from "./centroid-sums.ts";
import {ALL_ROWS, rangeGrouping, windowGrouping, windowSeries, windowsOfGroup} from "./grouping.ts";
import type {SqlDataset, SqlEmbedding} from "./sql-dataset.ts";

/**
 * px.embeddingDrift on datasets in a database: the reference centroid and the primary's (of the time range,
 * or per window) from element-wise sums grouped in SQL. The same values as the in-memory path, to rounding.
 */
export async function sqlEmbeddingDrift(
  primary: SqlDataset,
  reference: SqlDataset,
  options: EmbeddingDriftOptions
): Promise<{value: number | null; count: number} | {series: DriftPoint[]}> {
  const [embedding, referenceEmbedding] = embeddingPair(primary, reference, options.embedding);
  const dim = embedding.dim;
  const [whole] = await vectorSums(reference, referenceEmbedding, ALL_ROWS);
  // Without reference vectors there is no centroid to measure from: every value is null, as in memory.
  const target = whole ? whole.sums.map((sum) => sum / whole.count) : null;
  const distance = (sums: Float64Array, count: number) =>
    target
      ? euclidean(
          sums.map((sum) => sum / count),
          target
        )
      : null;
  const range =
    options.timeRange === undefined
      ? primary.timeRange
      : checkTimeRange("px.embeddingDrift", options.timeRange, "timeRange");
  if (options.evaluationWindow === undefined) {
    const [group] = dim ? await vectorSums(primary, embedding, rangeGrouping(range)) : [];
    return group ? {value: distance(group.sums, group.count), count: group.count} : {value: null, count: 0};
  }
  const window = positive("evaluationWindow", options.evaluationWindow);
  const series = windowSeries(
    range,
    window,
    positive("samplingInterval", options.samplingInterval ?? window)
  );
  const sums = series.ends.map(() => new Float64Array(dim));
  const counts = new Float64Array(series.ends.length);
  for (const group of dim ? await vectorSums(primary, embedding, windowGrouping(series)) : []) {
    const {from, to} = windowsOfGroup(series, group.keys[0]!, group.keys[1]!);
    for (let w = from; w <= to; ++w) {
      counts[w]! += group.count;
      const into = sums[w]!;
      for (let j = 0; j < dim; ++j) into[j]! += group.sums[j]!;
    }
  }
  return {
    series: series.ends.map((timestamp, w) => ({
      timestamp,
      start: timestamp - series.evaluationWindow,
      value: counts[w]! > 0 ? distance(sums[w]!, counts[w]!) : null,
      count: counts[w]!
    }))
  };
}

/** The named embedding of both datasets; an error naming what they have, or their differing dimensions. */
export function embeddingPair(
  primary: SqlDataset,
  reference: SqlDataset,
  name: string
): [SqlEmbedding, SqlEmbedding] {
  const [a, b] = [primary, reference].map((dataset) => {
    const embedding = dataset.embeddings[name];
    if (embedding) return embedding;
    const known = Object.keys(dataset.embeddings).map((k) => `"${k}"`);
    const expected = known.length ? `expected ${known.join(", ")}` : "it has no embeddings";
    throw new DatasetError(dataset.source, [{message: `unknown embedding: "${name}" (${expected})`}]);
  }) as [SqlEmbedding, SqlEmbedding];
  if (a.dim !== b.dim && a.dim > 0 && b.dim > 0) {
    throw new DatasetError(`${primary.source} and ${reference.source}`, [
      {
        column: a.column,
        message: `embedding "${name}" has ${a.dim} dimensions in ${primary.name} but ${b.dim} in ${reference.name}`
      }
    ]);
  }
  return [a, b];
}

function positive(name: string, value: number): number {
  if (!(value > 0) || !Number.isFinite(value))
    throw new RangeError(`${name} must be a positive number of ms, not ${value}`);
  return value;
}
