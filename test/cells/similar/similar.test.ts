// px.similar against a brute-force search written here: vectors read straight from the Arrow column (not
// through px's embedding extraction), every distance computed in float64, everything sorted. On the digits
// data: 899 production and 898 training rows of 64-pixel vectors.
import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import {fileURLToPath} from "node:url";
import {test} from "node:test";
import {Field, FixedSizeList, Float32, makeData, Table, Vector} from "apache-arrow";
import * as px from "../../../src/index.ts";

const data = (name: string) => fileURLToPath(new URL(`../../../notebooks/data/${name}`, import.meta.url));
const schema = JSON.parse(await readFile(data("digits-schema.json"), "utf8")) as px.PhoenixSchemaJson;
const production = await px.load(data("digits-production.parquet"), {schema, name: "production"});
const training = await px.load(data("digits-training.parquet"), {schema, name: "training"});
const datasets = [production, training];

/** Every row's vector as float64 arrays, from the file's column. */
function vectorsOf(dataset: px.Dataset): Float64Array[] {
  const column = dataset.table.getChild("image_vector")!;
  return Array.from({length: column.length}, (_, i) =>
    Float64Array.from(column.get(i)!.toArray() as Float32Array)
  );
}
const vectors = datasets.map(vectorsOf);

const euclidean = (a: Float64Array, b: Float64Array) =>
  Math.sqrt(a.reduce((s, x, j) => s + (x - b[j]!) ** 2, 0));
const norm = (a: Float64Array) => Math.sqrt(a.reduce((s, x) => s + x * x, 0));
const cosine = (a: Float64Array, b: Float64Array) => {
  const [na, nb] = [norm(a), norm(b)];
  return na === 0 || nb === 0 ? 1 : 1 - a.reduce((s, x, j) => s + x * b[j]!, 0) / (na * nb);
};

interface Hit {
  dataset: number;
  row: number;
  distance: number;
}

function bruteForce(
  given: [number, number][],
  k: number,
  metric: (a: Float64Array, b: Float64Array) => number,
  centroid: boolean,
  includeGiven = false
): Hit[] {
  const queries = given.map(([d, row]) => vectors[d]![row]!);
  let from = queries;
  if (centroid) {
    // For cosine the centroid of the unit vectors; for Euclidean the plain mean.
    const unit = metric === cosine ? queries.map((q) => q.map((x) => x / norm(q))) : queries;
    from = [unit[0]!.map((_, j) => unit.reduce((s, q) => s + q[j]!, 0) / unit.length)];
  }
  const isGiven = new Set(given.map(([d, row]) => `${d}:${row}`));
  const hits: Hit[] = [];
  vectors.forEach((rows, d) =>
    rows.forEach((vector, row) => {
      if (!includeGiven && isGiven.has(`${d}:${row}`)) return;
      hits.push({dataset: d, row, distance: Math.min(...from.map((q) => metric(q, vector)))});
    })
  );
  hits.sort((a, b) => a.distance - b.distance || a.dataset - b.dataset || a.row - b.row);
  return hits.slice(0, k);
}

function assertSame(result: px.SimilarRows, expected: Hit[]): void {
  assert.equal(result.row.length, expected.length);
  expected.forEach((hit, i) => {
    assert.equal(result.dataset[i], hit.dataset, `rank ${i}: dataset`);
    assert.equal(result.row[i], hit.row, `rank ${i}: row`);
    assert.ok(
      Math.abs(result.distance[i]! - hit.distance) <= 1e-5 * Math.max(1, hit.distance),
      `rank ${i}: ${result.distance[i]} vs ${hit.distance}`
    );
  });
  const of = (d: number) => expected.filter((hit) => hit.dataset === d).map((hit) => hit.row);
  assert.deepEqual(Array.from(result.primary), of(0));
  assert.deepEqual(Array.from(result.reference), of(1));
}

test("Euclidean, to the nearest of rows from both datasets: the brute-force ranking", () => {
  const result = px.similar(datasets, {
    embedding: "image_embedding",
    rows: {primary: [3, 500], reference: [42]},
    k: 25
  });
  assertSame(
    result,
    bruteForce(
      [
        [0, 3],
        [0, 500],
        [1, 42]
      ],
      25,
      euclidean,
      false
    )
  );
  assert.equal(result.metric, "euclidean");
});

test("cosine, to the centroid of the given rows: the brute-force ranking", () => {
  const rows = {primary: [10, 11, 12, 13], reference: [7]};
  const result = px.similar(datasets, {
    embedding: "image_embedding",
    rows,
    k: 40,
    metric: "cosine",
    to: "centroid"
  });
  assertSame(
    result,
    bruteForce(
      [
        [0, 10],
        [0, 11],
        [0, 12],
        [0, 13],
        [1, 7]
      ],
      40,
      cosine,
      true
    )
  );
});

test("the given rows themselves come first at distance 0 with includeGiven, and never without it", () => {
  const rows = {primary: [100]};
  const withGiven = px.similar(production, {embedding: "image_embedding", rows, k: 5, includeGiven: true});
  assert.equal(withGiven.row[0], 100);
  assert.equal(withGiven.distance[0], 0);
  assertSame(withGiven, bruteForceOne(100, 5, true));
  const without = px.similar(production, {embedding: "image_embedding", rows, k: 5});
  assert.ok(!Array.from(without.row).includes(100));
  assertSame(without, bruteForceOne(100, 5, false));
});

// The brute force over the primary dataset alone.
function bruteForceOne(row: number, k: number, includeGiven: boolean): Hit[] {
  const query = vectors[0]![row]!;
  return vectors[0]!
    .map((vector, r) => ({dataset: 0, row: r, distance: euclidean(query, vector)}))
    .filter((hit) => includeGiven || hit.row !== row)
    .sort((a, b) => a.distance - b.distance || a.row - b.row)
    .slice(0, k);
}

test("a window searches only its rows", () => {
  const start = Number(production.timestamps[production.timeOrder[0]!]);
  const window = px.window(production, {start, end: start + 3 * 86_400_000});
  const inWindow = new Set(Array.from(window.embeddings["image_embedding"]!.rows));
  assert.ok(inWindow.size > 20 && inWindow.size < production.numRows);
  const result = px.similar(window, {
    embedding: "image_embedding",
    rows: {primary: [window.timeOrder[0]!]},
    k: 20
  });
  for (const row of result.row) assert.ok(inWindow.has(row), `row ${row} is outside the window`);
});

test("k beyond the rows there are returns them all; mistakes are errors that say what to write", () => {
  const all = px.similar(datasets, {embedding: "image_embedding", rows: {primary: [0]}, k: 10_000});
  assert.equal(all.row.length, production.numRows + training.numRows - 1);
  const call = (options: object) => () =>
    px.similar(datasets, {embedding: "image_embedding", rows: {primary: [0]}, ...options});
  assert.throws(
    call({metric: "manhattan"}),
    /unknown metric "manhattan" \(expected "euclidean" or "cosine"\)/
  );
  assert.throws(call({kk: 3}), /unknown option "kk" \(did you mean "k"\?\)/);
  assert.throws(call({k: 0}), /k must be an integer from 1 to 10000, not 0/);
  assert.throws(
    call({rows: {primary: [899]}}),
    /primary row 899 is out of range \(production has rows 0 to 898\)/
  );
  assert.throws(call({rows: {}}), /selects no rows/);
  // 899 × 1,797 × 64 multiply-adds is far within the limit; a selection of every row is too: 1.1e8.
  const everyRow = {
    primary: Array.from({length: 899}, (_, i) => i),
    reference: Array.from({length: 898}, (_, i) => i)
  };
  assert.equal(
    px.similar(datasets, {embedding: "image_embedding", rows: everyRow, k: 3, includeGiven: true})
      .distance[0],
    0
  );
  assert.throws(call({embedding: "text"}), /unknown embedding: "text" \(expected "image_embedding"\)/);
  assert.throws(
    () => px.similar([production], {embedding: "image_embedding", rows: {reference: [1]}}),
    /no reference dataset/
  );
});

test("an exact search to the nearest of too many given rows is refused before it starts, naming the way out", () => {
  // 3,000 rows of 1,000 dimensions, every row given: 3,000 × 3,000 × 1,000 = 9e9 multiply-adds.
  const [n, dim] = [3000, 1000];
  const child = makeData({type: new Float32(), length: n * dim, data: new Float32Array(n * dim).fill(0.5)});
  const type = new FixedSizeList(dim, new Field("item", new Float32(), true));
  const table = new Table({v: new Vector([makeData({type, length: n, nullCount: 0, child})])});
  const wide = px.fromTable(table, "wide", {schema: {embeddings: {e: {vector: "v"}}}});
  const rows = {primary: Array.from({length: n}, (_, i) => i)};
  assert.throws(
    () => px.similar(wide, {embedding: "e", rows}),
    /3,000 given rows × 3,000 candidates .* pass to: "centroid"/
  );
  assert.equal(
    px.similar(wide, {embedding: "e", rows, to: "centroid", k: 2, includeGiven: true}).distance[0],
    0
  );
});
