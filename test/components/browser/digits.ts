import {readFile} from "node:fs/promises";
import {tableToIPC} from "apache-arrow";
import * as px from "../../../src/index.ts";
import type {ClusterSummary, DriftPoint, FeatureDrift, Projection} from "../../../src/index.ts";

/** The digits example's results, computed in Node once, for pages that mount the views on real data. */
export interface DigitsResults {
  projection2: Projection;
  projection3: Projection;
  labels: Int32Array;
  summary: ClusterSummary[];
  series: DriftPoint[];
  featureDrift: FeatureDrift[];
  /** Per point of projection2: its image's true digit. */
  digits: string[];
}

/**
 * Loads notebooks/data/digits-*.parquet and runs the notebook's cells (2-D and 3-D projections, seeded). A min
 * dist of 0.6 spreads the clusters enough for points a pointer can single out.
 */
export async function digitsResults(): Promise<DigitsResults> {
  const schema = JSON.parse(
    await readFile("notebooks/data/digits-schema.json", "utf8")
  ) as px.PhoenixSchemaJson;
  const production = await px.load("notebooks/data/digits-production.parquet", {schema, name: "production"});
  const training = await px.load("notebooks/data/digits-training.parquet", {schema, name: "training"});
  const options = {embedding: "image_embedding", samples: 500, seed: 1, minDist: 0.6};
  const projection2 = await px.project([production, training], {...options, nComponents: 2});
  const projection3 = await px.project([production, training], {...options, nComponents: 3});
  const {labels} = px.cluster(projection2, {minClusterSize: 10});
  const summary = px.clusterSummary(projection2, {labels}, {metric: "accuracy"});
  const {series} = px.embeddingDrift(production, training, {
    embedding: "image_embedding",
    evaluationWindow: 2 * 86_400_000,
    samplingInterval: 86_400_000
  });
  const featureDrift = px.featureDrift(production, training, {metric: "psi"});
  const digits = Array.from(projection2.row, (row, i) => {
    const dataset = projection2.datasets[projection2.dataset[i]!]!;
    return String(dataset.table.getChild("actual_label")!.get(row));
  });
  return {projection2, projection3, labels, summary, series, featureDrift, digits};
}

/** The results as JSON (typed arrays as arrays, datasets as their names); the page revives them. */
export function digitsJson(results: DigitsResults): string {
  const points = (p: Projection) => ({
    coordinates: [...p.coordinates],
    nComponents: p.nComponents,
    dataset: [...p.dataset],
    row: [...p.row],
    datasets: p.datasets.map((d) => ({name: d.name}))
  });
  // The datasets' tables without the vectors (Arrow IPC, base64), for colorBy columns and labels.
  const tables = results.projection2.datasets.map((d) => {
    const columns = d.table.schema.fields.map((f) => f.name).filter((name) => name !== "image_vector");
    return Buffer.from(tableToIPC(d.table.select(columns))).toString("base64");
  });
  return JSON.stringify({
    projection2: points(results.projection2),
    projection3: points(results.projection3),
    labels: [...results.labels],
    summary: results.summary.map((s) => ({...s, points: [...s.points]})),
    series: results.series,
    featureDrift: results.featureDrift.map((d) => ({
      ...d,
      bins: {labels: d.bins.labels, primary: [...d.bins.primary], reference: [...d.bins.reference]}
    })),
    digits: results.digits,
    tables,
    schemas: results.projection2.datasets.map((d) => d.schema)
  });
}
