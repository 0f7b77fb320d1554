// One timed drift series in a fresh process, so that its peak RSS is its own. Prints a JSON line: the time,
// the RSS before and at the peak, and the series' values.
// Usage: node --import tsx bench/sql/child.ts sql|memory PRIMARY REFERENCE
import {load} from "../../src/cells/dataset/load.ts";
import {embeddingDrift} from "../../src/cells/drift/embedding-drift.ts";
import {fromSql} from "../../src/cells/sql/from-sql.ts";
import {openDuckDB} from "../../test/helpers/duckdb.ts";
import {peakRss} from "../peak-rss.ts";

const HOUR = 3_600_000;
const [path, primaryFile, referenceFile] = process.argv.slice(2) as [string, string, string];
const schema = {predictionId: "id", timestamp: "ts", embeddings: {e: {vector: "e"}}};
const options = {embedding: "e", evaluationWindow: 72 * HOUR, samplingInterval: HOUR};
const before = peakRss();
const start = performance.now();
let series;
if (path === "sql") {
  const db = await openDuckDB({memoryLimit: "1GB"});
  const open = (file: string, name: string) =>
    fromSql(db, "SELECT * FROM read_parquet(?)", {schema, name, params: [file]});
  series = (
    await embeddingDrift(
      await open(primaryFile, "production"),
      await open(referenceFile, "training"),
      options
    )
  ).series;
  db.close();
} else {
  const primary = await load(primaryFile, {schema, name: "production"});
  const reference = await load(referenceFile, {schema, name: "training"});
  series = embeddingDrift(primary, reference, options).series;
}
const ms = performance.now() - start;
console.log(JSON.stringify({ms, before, peak: peakRss(), values: series.map((p) => p.value)}));
