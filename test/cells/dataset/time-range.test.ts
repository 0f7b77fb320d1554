// One meaning of `timeRange` for every px function that reads primary rows, and px.window: checked on the
// digits data (production is stored in time order, so the rows of a range are a contiguous slice of the file:
// a dataset built from that slice is an independent expectation).
import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import {fileURLToPath} from "node:url";
import {test} from "node:test";
import {Field, FixedSizeList, Float32, Table, vectorFromArray} from "apache-arrow";
import * as px from "../../../src/index.ts";

const data = (name: string) => fileURLToPath(new URL(`../../../notebooks/data/${name}`, import.meta.url));
const schema = JSON.parse(await readFile(data("digits-schema.json"), "utf8")) as px.PhoenixSchemaJson;
const production = await px.load(data("digits-production.parquet"), {schema, name: "production"});
const training = await px.load(data("digits-training.parquet"), {schema, name: "training"});
const DAY = 86_400_000;
// Days 10 to 12 of production, when the misaligned scanner is at work: [May 10, May 13).
const timeRange = {start: Date.UTC(2023, 4, 10), end: Date.UTC(2023, 4, 13)};

// The rows in [start, end), found from the file's timestamp column, apart from our time index.
const times = production.table.getChild("prediction_ts")!.toArray() as ArrayLike<number | bigint>;
const first = (t: number) => Array.from(times, Number).findIndex((value) => value >= t);
const [from, to] = [first(timeRange.start), first(timeRange.end)];
const slice = px.fromTable(production.table.slice(from, to), "slice", {schema, name: "production"});

test("the digits range holds a few days of rows, and the slice is in time order", () => {
  assert.ok(to - from > 100 && to - from < production.numRows / 2, `${to - from} rows`);
  assert.equal(slice.numRows, to - from);
});

test("px.driftSignificance reads only the primary rows in timeRange", () => {
  const options = {embedding: "image_embedding", permutations: 20, maxSamples: 2000, timeRange};
  const result = px.driftSignificance(production, training, options);
  assert.equal(result.samples.primary, to - from);
  // The centroid distance of the slice's vectors to all training vectors, summed here by hand.
  const mean = (d: px.Dataset) => {
    const {dim, vectors, rows} = d.embeddings["image_embedding"]!;
    const sum = new Float64Array(dim);
    for (const row of rows) for (let j = 0; j < dim; ++j) sum[j]! += vectors[row * dim + j]!;
    return sum.map((x) => x / rows.length);
  };
  const [a, b] = [mean(slice), mean(training)];
  const distance = Math.hypot(...a.map((x, j) => x - b[j]!));
  assert.ok(Math.abs(result.distance - distance) < 1e-9 * distance, `${result.distance} vs ${distance}`);
});

test("px.maximumMeanDiscrepancy reads only the primary rows in timeRange", () => {
  const options = {embedding: "image_embedding", permutations: 5, maxSamples: 300, seed: 2};
  const ranged = px.maximumMeanDiscrepancy(production, training, {...options, timeRange});
  assert.equal(ranged.samples.primary, to - from);
  assert.deepEqual(ranged, px.maximumMeanDiscrepancy(slice, training, options));
});

test("px.dataQuality and px.performance read only the rows in timeRange", () => {
  assert.deepEqual(px.dataQuality(production, {timeRange}), px.dataQuality(slice));
  assert.deepEqual(px.performance(production, {timeRange}), px.performance(slice));
  // With rows: those of them in the range.
  const rows = [0, from, from + 1, to - 1, to];
  assert.deepEqual(
    px.performance(production, {rows, timeRange}),
    px.performance(slice, {rows: [0, 1, to - from - 1]})
  );
});

test("timeRange is checked alike everywhere: {start, end} in epoch ms, start ≤ end", () => {
  assert.throws(() => px.dataQuality(production, {timeRange: {start: 0, ned: 1} as never}), {
    message: 'px.dataQuality: unknown option "timeRange.ned" (did you mean "end"?)'
  });
  assert.throws(
    () =>
      px.embeddingDrift(production, training, {embedding: "image_embedding", timeRange: {start: 2, end: 1}}),
    {message: "px.embeddingDrift: timeRange.start (2) is after timeRange.end (1)"}
  );
  assert.throws(
    () => px.featureDrift(production, training, {timeRange: {start: "May 10", end: 1} as never}),
    {
      message: 'px.featureDrift: timeRange.start must be a finite number of epoch ms, not "May 10"'
    }
  );
});

test("px.clusterSummary refuses timeRange by name: its rows are the projection's", () => {
  const projection = {datasets: [production], dataset: new Uint8Array(0)} as unknown as px.Projection;
  assert.throws(() => px.clusterSummary(projection, {labels: new Int32Array(0)}, {timeRange} as never), {
    message:
      "px.clusterSummary: no timeRange here: the clusters hold the projection's rows (pass timeRange to px.project)"
  });
});

test("px.window shares the vectors and counts only its rows", () => {
  const window = px.window(production, timeRange);
  assert.equal(window.numRows, to - from);
  const [whole, part] = [production, window].map((d) => d.embeddings["image_embedding"]!);
  assert.equal(part!.vectors, whole!.vectors); // the same Float32Array: nothing copied
  assert.deepEqual(
    [...part!.rows],
    Array.from({length: to - from}, (_, i) => from + i)
  );
  assert.deepEqual(JSON.parse(JSON.stringify(window)).rows, to - from);
  assert.equal(
    px.window(window, {start: timeRange.start, end: timeRange.start + DAY}).numRows,
    first(timeRange.start + DAY) - from
  );
});

test("px.window gives every px function the results of its timeRange, or of the rows alone", async () => {
  const window = px.window(production, timeRange);
  const embedding = "image_embedding";
  assert.deepEqual(
    px.embeddingDrift(window, training, {embedding}),
    px.embeddingDrift(production, training, {embedding, timeRange})
  );
  // A series over the window's own range, [first minute, last minute + 1).
  assert.deepEqual(
    px.embeddingDrift(window, training, {embedding, evaluationWindow: DAY}),
    px.embeddingDrift(slice, training, {embedding, evaluationWindow: DAY})
  );
  assert.deepEqual(px.featureDrift(window, training), px.featureDrift(slice, training));
  // A window as the reference: bins from its rows only.
  assert.deepEqual(px.featureDrift(training, window), px.featureDrift(training, slice));
  assert.deepEqual(px.dataQuality(window), px.dataQuality(slice));
  assert.deepEqual(px.performance(window), px.performance(slice));
  const options = {embedding, permutations: 5, maxSamples: 300, seed: 2};
  assert.deepEqual(
    px.maximumMeanDiscrepancy(window, training, options),
    px.maximumMeanDiscrepancy(slice, training, options)
  );
});

test("px.project, px.clusterSummary and px.exportRows on a window take its rows only", async () => {
  const window = px.window(production, timeRange);
  const options = {
    embedding: "image_embedding",
    nComponents: 2,
    samples: 60,
    nNeighbors: 10,
    nEpochs: 30,
    seed: 4
  };
  const cache = new px.ProjectionCache();
  const projection = await px.project([window, training], options, {cache});
  const ranged = await px.project([production, training], {...options, timeRange}, {cache});
  assert.deepEqual(projection.row, ranged.row);
  assert.deepEqual(projection.coordinates, ranged.coordinates);
  const primaryRows = projection.row.filter((_, i) => projection.dataset[i] === 0);
  assert.ok(primaryRows.every((row) => row >= from && row < to));
  const labels = Int32Array.from(projection.row, (_, i) => (projection.dataset[i] === 0 ? 0 : -1));
  const [summary] = px.clusterSummary(projection, {labels}, {metric: "accuracy"});
  assert.equal(summary!.metric!.primary, px.performance(window, {rows: primaryRows}).accuracy);
  const file = await px.exportRows([window, training], {projection, labels, clusters: [0]}, {format: "csv"});
  assert.equal(file.rows, primaryRows.length);
});

test("px.embed refuses a window: the vector column it appends spans the whole table", async () => {
  await assert.rejects(px.embed(px.window(production, timeRange), {method: "tabular"}), {
    message: `px.embed: production is a window (px.window) of ${to - from} of its table's 899 rows: embed the whole dataset, then take the window`
  });
});

test("px.window takes rows stored out of time order, and the range is start-inclusive, end-exclusive", () => {
  const HOUR = 3600; // the file holds UNIX seconds
  const type = new FixedSizeList(2, new Field("item", new Float32(), true));
  const table = new Table({
    ts: vectorFromArray([3 * HOUR, 1 * HOUR, 2 * HOUR, 0]),
    x: vectorFromArray([10, 20, 30, 40]),
    v: vectorFromArray(
      [
        [1, 0],
        [3, 0],
        [5, 0],
        [7, 0]
      ],
      type
    )
  });
  const dataset = px.fromTable(table, "hours.arrow", {
    schema: {timestamp: "ts", features: ["x"], embeddings: {e: {vector: "v"}}}
  });
  // [1 h, 3 h): rows 1 (1 h) and 2 (2 h); row 0 at 3 h is out.
  const window = px.window(dataset, {start: 3_600_000, end: 3 * 3_600_000});
  assert.deepEqual(
    [window.numRows, [...window.timeOrder], [...window.embeddings["e"]!.rows]],
    [2, [1, 2], [1, 2]]
  );
  // Mean x over rows 1 and 2: (20 + 30) / 2; mean vector [4, 0], at distance 4 from a reference at [0, 0].
  assert.equal(px.dataQuality(window).columns[0]!.mean, 25);
  const origin = px.fromTable(
    new Table({
      v: vectorFromArray(
        [
          [0, 0],
          [0, 0]
        ],
        type
      )
    }),
    "origin",
    {
      schema: {embeddings: {e: {vector: "v"}}}
    }
  );
  assert.deepEqual(px.embeddingDrift(window, origin, {embedding: "e"}), {value: 4, count: 2});
});
