import assert from "node:assert/strict";
import {test} from "node:test";
import {
  Field,
  FixedSizeList,
  Float32,
  Int64,
  List,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  tableFromArrays,
  Table,
  vectorFromArray,
  type Vector
} from "apache-arrow";
import {DatasetError} from "../../../src/cells/dataset/errors.ts";
import {fromTable} from "../../../src/cells/dataset/from-table.ts";

const vectorsOf = (rows: (number[] | null)[], size?: number): Vector =>
  vectorFromArray(
    rows,
    size
      ? new FixedSizeList(size, new Field("item", new Float32(), true))
      : new List(new Field("item", new Float32(), true))
  );

function table(columns: Record<string, Vector | unknown[]>): Table {
  return new Table(
    Object.fromEntries(
      Object.entries(columns).map(([k, v]) => [k, Array.isArray(v) ? vectorFromArray(v) : v])
    ) as Record<string, Vector>
  );
}

test("fromTable() reads UNIX-second timestamps as epoch ms and orders rows by time without moving them", () => {
  const dataset = fromTable(table({ts: [1_700_000_060, 1_700_000_000], x: [1, 2]}), "t.csv", {
    schema: {timestamp: "ts"}
  });
  assert.deepEqual([...dataset.timestamps], [1_700_000_060_000, 1_700_000_000_000]);
  assert.deepEqual([...dataset.timeOrder], [1, 0]);
  assert.deepEqual(dataset.schema.features, ["x"]);
});

test("fromTable() reads ISO-8601 text, zone-less as UTC", () => {
  const dataset = fromTable(
    table({ts: ["2023-05-01T12:00:00", "2023-05-01T12:00:00+02:00", "2023-05-02"]}),
    "t",
    {
      schema: {timestamp: "ts"}
    }
  );
  assert.deepEqual(
    [...dataset.timestamps],
    [Date.UTC(2023, 4, 1, 12), Date.UTC(2023, 4, 1, 10), Date.UTC(2023, 4, 2)]
  );
});

test("fromTable() gives every row the load time when there is no timestamp, and generates ids", () => {
  const dataset = fromTable(table({x: [1, 2]}), "t", {name: "training", loadTime: 42});
  assert.deepEqual([...dataset.timestamps], [42, 42]);
  assert.deepEqual(dataset.predictionIds, ["training-0", "training-1"]);
});

test("fromTable() turns numeric prediction ids into strings and warns of duplicates", () => {
  const dataset = fromTable(table({id: [7, 8, 7]}), "t", {schema: {predictionId: "id"}});
  assert.deepEqual(dataset.predictionIds, ["7", "8", "7"]);
  assert.deepEqual(dataset.warnings, ['column "id": duplicate prediction ids: "7" at rows 0 and 2']);
});

test("fromTable() puts vectors in one row-major Float32Array and skips null vectors", () => {
  const dataset = fromTable(table({v: vectorsOf([[1, 2], null, [5, 6]], 2)}), "t", {
    schema: {embeddings: {e: {vector: "v"}}}
  });
  const e = dataset.embeddings["e"]!;
  assert.equal(e.dim, 2);
  assert.deepEqual([...e.vectors], [1, 2, 0, 0, 5, 6]);
  assert.deepEqual([...e.rows], [0, 2]);
});

test("fromTable() uses a fixed-size Float32 vector column in place", () => {
  const column = vectorsOf(
    [
      [1, 2],
      [3, 4]
    ],
    2
  );
  const dataset = fromTable(new Table({v: column}), "t", {schema: {embeddings: {e: {vector: "v"}}}});
  assert.equal(dataset.embeddings["e"]!.vectors.buffer, column.data[0]!.children[0]!.values.buffer);
});

test("fromTable() reports every problem at once, naming the column and rows", () => {
  const bad = table({
    ts: ["2023-01-01", "yesterday", "2023-01-03"],
    v: vectorsOf([
      [1, 2, 3],
      [1, 2],
      [1, NaN, 3]
    ]),
    w: vectorsOf([[1], [2], [3]])
  });
  const schema = {
    timestamp: "ts",
    predictionLabel: "label",
    embeddings: {e: {vector: "v"}, f: {vector: "w"}}
  };
  assert.throws(
    () => fromTable(bad, "data/bad.parquet", {schema}),
    (error: unknown) => {
      assert.ok(error instanceof DatasetError);
      assert.equal(
        error.message,
        [
          "data/bad.parquet: 4 problems",
          '  - column "label": declared as the prediction label but not in the file',
          '  - column "ts": timestamps that are not ISO-8601 text: "yesterday" (row 1)',
          '  - column "v": vectors of different lengths: 3 (row 0), 2 (row 1)',
          '  - column "w": vectors shorter than 2 (rows 0, 1, 2)'
        ].join("\n")
      );
      return true;
    }
  );
});

test("fromTable() rejects non-finite vector values and an empty table", () => {
  assert.throws(
    () =>
      fromTable(
        table({
          v: vectorsOf([
            [1, 2],
            [Infinity, 0]
          ])
        }),
        "t",
        {schema: {embeddings: {e: {vector: "v"}}}}
      ),
    {
      message: 't: column "v": vectors holding NaN, ±Infinity or null (row 1)'
    }
  );
  assert.throws(() => fromTable(tableFromArrays({x: new Float64Array(0)}), "empty.csv"), {
    message: "empty.csv: no rows"
  });
});

test("fromTable() reads vectors from sliced and concatenated chunks", () => {
  for (const size of [2, undefined]) {
    const whole = new Table({v: vectorsOf([[1, 2], [3, 4], null, [7, 8]], size)});
    const pieces = whole.slice(1, 3).concat(whole.slice(3));
    const dataset = fromTable(pieces, "t", {schema: {embeddings: {e: {vector: "v"}}}});
    assert.deepEqual([...dataset.embeddings["e"]!.vectors], [3, 4, 0, 0, 7, 8]);
    assert.deepEqual([...dataset.embeddings["e"]!.rows], [0, 2]);
  }
});

test("fromTable() rejects NaN timestamps and reads hour-only ISO offsets", () => {
  assert.throws(() => fromTable(table({ts: [1, NaN, 3]}), "t.csv", {schema: {timestamp: "ts"}}), {
    message: 't.csv: column "ts": timestamps that are NaN or infinite (row 1)'
  });
  const dataset = fromTable(table({ts: ["2023-05-01T12:00:00-05"]}), "t", {schema: {timestamp: "ts"}});
  assert.deepEqual([...dataset.timestamps], [Date.UTC(2023, 4, 1, 17)]);
});

test("fromTable() rejects 64-bit integer vectors and an embedding without a vector column", () => {
  const int64 = vectorFromArray([[1n, 2n]], new List(new Field("item", new Int64(), true)));
  assert.throws(() => fromTable(new Table({v: int64}), "t", {schema: {embeddings: {e: {vector: "v"}}}}), {
    message: 't: column "v": embedding vectors must hold 8- to 32-bit integers or 32/64-bit floats, not Int64'
  });
  const noVector = {embeddings: {e: {rawData: "v"} as never}};
  assert.throws(() => fromTable(new Table({v: int64}), "t", {schema: noVector}), {
    message: 't: embedding "e" names no vector column (expected {vector: "column", …})'
  });
});

test("fromTable() warns of unknown schema fields, in either spelling", () => {
  const dataset = fromTable(table({x: [1]}), "t", {schema: {predictionID: "x"} as never});
  assert.match(
    dataset.warnings[0]!,
    /^unknown schema field "predictionID" \(ignored; expected predictionId, /
  );
});

test("fromTable() refuses an Arrow table with two columns of one name, which every read by name would take for the first", () => {
  const plain = tableFromArrays({
    x: Float64Array.of(1, 2),
    y: Float64Array.of(300, 400),
    z: Float64Array.of(0, 0)
  });
  const [x, y, z] = plain.schema.fields;
  const schema = new Schema([x!, y!.clone({name: "x"}), z!]);
  const [batch] = plain.batches;
  const data = makeData({
    type: new Struct(schema.fields),
    length: 2,
    nullCount: 0,
    children: batch!.data.children
  });
  const twice = new Table([new RecordBatch(schema, data)]);
  assert.deepEqual(
    twice.schema.fields.map(({name}) => name),
    ["x", "x", "z"]
  );
  assert.throws(() => fromTable(twice, "twice.parquet", {schema: {}}), {
    message: "twice.parquet: duplicate column names: x"
  });
});

test("fromTable() refuses a day the calendar lacks instead of rolling it over into the next month", () => {
  // Date.parse reads 2023-02-29 as March 1st; 2024-02-29 (a leap year) and 2000-02-29 exist, 1900-02-29 does not.
  const bad = table({
    ts: ["2024-02-29T12:00:00Z", "2023-02-29T00:00:00Z", "2024-06-31", "2000-02-29", "1900-02-29T01:00"]
  });
  assert.throws(() => fromTable(bad, "days.csv", {schema: {timestamp: "ts"}}), {
    message:
      'days.csv: column "ts": timestamps that are not ISO-8601 text: "2023-02-29T00:00:00Z", "2024-06-31", "1900-02-29T01:00" (rows 1, 2, 4)'
  });
  const good = fromTable(
    table({ts: ["2024-02-29T12:00:00Z", "2000-02-29", "2023-12-31T23:59:59Z"]}),
    "days.csv",
    {
      schema: {timestamp: "ts"}
    }
  );
  assert.deepEqual(
    [...good.timestamps],
    [Date.UTC(2024, 1, 29, 12), Date.UTC(2000, 1, 29), Date.UTC(2023, 11, 31, 23, 59, 59)]
  );
});

test("fromTable() quotes the timestamps it cannot read, each beside its row", () => {
  const bad = table({ts: ["2023-01-01T00:00:00Z", "not-a-date", "2023-01-02", "13/01/2023"]});
  assert.throws(() => fromTable(bad, "times.csv", {schema: {timestamp: "ts"}}), {
    message:
      'times.csv: column "ts": timestamps that are not ISO-8601 text: "not-a-date", "13/01/2023" (rows 1, 3)'
  });
});
