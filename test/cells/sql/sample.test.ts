// px.project on datasets in a database: the sample is drawn in SQL, seeded; only the sampled rows come back.
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import * as px from "../../../src/index.ts";
import {openDuckDB, type TestDatabase} from "../../helpers/duckdb.ts";

const data = new URL("../../../notebooks/data/", import.meta.url).pathname;
const schema = JSON.parse(readFileSync(`${data}digits-schema.json`, "utf8")) as px.PhoenixSchemaJson;
let db: TestDatabase;
let pair: [px.SqlDataset, px.SqlDataset];
const options = {embedding: "image_embedding", samples: 60, nEpochs: 20, nNeighbors: 10};

before(async () => {
  db = await openDuckDB();
  const open = (name: string) =>
    px.fromSql(db, "SELECT * FROM read_parquet(?)", {
      schema,
      name,
      params: [`${data}digits-${name}.parquet`]
    });
  pair = [await open("production"), await open("training")];
});
after(() => db.close());

const ids = (projection: px.Projection) =>
  Array.from(projection.row, (row, i) => projection.datasets[projection.dataset[i]!]!.predictionIds[row]!);

test("px.project samples a database's rows in SQL: only `samples` rows per dataset come back", async () => {
  const projection = await px.project(pair, {...options, seed: 3});
  assert.deepEqual(
    projection.datasets.map((d) => d.numRows),
    [60, 60]
  );
  assert.equal(projection.coordinates.length, 120 * 3);
  assert.equal(new Set(ids(projection)).size, 120);
});

test("the same seed draws the same rows and layout; another seed other rows", async () => {
  const a = await px.project(pair, {...options, seed: 3}, {cache: new px.ProjectionCache()});
  // A fresh database: nothing cached, the sample is drawn again.
  const other = await openDuckDB();
  const again = await px.project(
    (await Promise.all(
      ["production", "training"].map((name) =>
        px.fromSql(other, "SELECT * FROM read_parquet(?)", {
          schema,
          name,
          params: [`${data}digits-${name}.parquet`]
        })
      )
    )) as [px.SqlDataset, px.SqlDataset],
    {...options, seed: 3},
    {cache: new px.ProjectionCache()}
  );
  other.close();
  assert.deepEqual(ids(again), ids(a));
  assert.deepEqual(again.coordinates, a.coordinates);
  const b = await px.project(pair, {...options, seed: 4});
  assert.notDeepEqual(new Set(ids(b)), new Set(ids(a)));
});

test("the primary's sample keeps to the time range", async () => {
  const {start} = pair[0].timeRange;
  const timeRange = {start, end: start + 2 * 86_400_000};
  const projection = await px.project(pair, {...options, seed: 1, timeRange});
  const primary = projection.datasets[0]!;
  assert.ok(primary.numRows > 0 && primary.numRows <= 60);
  for (const t of primary.timestamps) assert.ok(t >= timeRange.start && t < timeRange.end);
});

test("a seeded sample of a Parquet file of many row groups is the same on 1 and 2 threads", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "px-sample-")), "groups.parquet");
  const drawn: string[][] = [];
  for (const threads of ["2", "1", "2"]) {
    const database = await openDuckDB({threads: Number(threads)});
    if (drawn.length === 0)
      await database.run(
        `COPY (SELECT 'r' || i AS id, i AS ts, [i % 7, i % 11]::FLOAT[] AS v FROM range(100000) AS t(i)) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 2048)`
      );
    const dataset = await px.fromSql(database, "SELECT * FROM read_parquet(?)", {
      schema: {predictionId: "id", timestamp: "ts", embeddings: {v: {vector: "v"}}},
      params: [file]
    });
    const resolved = px.resolveProjectOptions({embedding: "v", samples: 200, seed: 11});
    const [sample] = await px.sampleFromSql(dataset, resolved);
    drawn.push([...sample!.predictionIds]);
    database.close();
  }
  rmSync(file);
  assert.equal(drawn[0]!.length, 200);
  assert.deepEqual(drawn[1], drawn[0]);
  assert.deepEqual(drawn[2], drawn[0]);
});
