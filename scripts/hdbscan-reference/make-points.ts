// Writes the point set for the "HDBSCAN on a UMAP projection of real data" check: our UMAP projection (Phoenix's
// defaults: 3 components, 30 neighbours, min dist 0) of the digits example datasets, all 1,797 images,
// coordinates rounded to 6 decimals as in ../shared/fixtures. record.py then labels them with Python's hdbscan.
// Run: node --import tsx scripts/hdbscan-reference/make-points.ts
import {readFileSync, writeFileSync} from "node:fs";
import {load, project} from "../../src/index.ts";

const data = new URL("../../notebooks/data/", import.meta.url);
const schema = JSON.parse(readFileSync(new URL("digits-schema.json", data), "utf8")) as object;
const production = await load(new URL("digits-production.parquet", data).pathname, {
  schema,
  name: "production"
});
const training = await load(new URL("digits-training.parquet", data).pathname, {schema, name: "training"});
const projection = await project([production, training], {
  embedding: "image_embedding",
  samples: 1000,
  seed: 7
});
const points = Array.from(projection.coordinates, (x) => Math.round(x * 1e6) / 1e6);
const out = new URL("../../test/fixtures/hdbscan/digits-umap-points.json", import.meta.url);
writeFileSync(
  out,
  `${JSON.stringify({source: "scripts/hdbscan-reference/make-points.ts", dims: 3, points})}\n`
);
console.log(`${points.length / 3} points → ${out.pathname}`);
