import assert from "node:assert/strict";
import {test} from "node:test";
import {
  Binary,
  DateMillisecond,
  Field,
  FixedSizeList,
  Float32,
  Float64,
  Int32,
  List,
  Null,
  Struct,
  Table,
  TimeMicrosecond,
  Utf8,
  makeData,
  makeVector,
  vectorFromArray,
  type DataType,
  type Vector
} from "apache-arrow";
import {inferSchema} from "../../../src/cells/dataset/infer-schema.ts";

const column = (values: unknown[], type?: DataType): Vector =>
  type ? vectorFromArray(values, type) : vectorFromArray(values);
const table = (columns: Record<string, Vector>) => new Table(columns);
const floats = (size?: number) =>
  size
    ? new FixedSizeList(size, new Field("item", new Float32(), true))
    : new List(new Field("item", new Float64(), true));

test("inferSchema() finds Phoenix's fields by name and type, and lists every other column as a feature", () => {
  const {schema, text, images} = inferSchema(
    table({
      prediction_id: column(["a", "b"], new Utf8()),
      prediction_ts: column([new Date(0), new Date(1)], new DateMillisecond()),
      ink: column([1, 2], new Int32()),
      prediction_label: column(["3", "5"], new Utf8()),
      prediction_score: column([0.5, 0.25], new Float64()),
      actual_label: column(["3", "4"], new Utf8()),
      image_vector: column(
        [
          [1, 2],
          [3, 4]
        ],
        floats(2)
      )
    })
  );
  assert.deepEqual(schema, {
    prediction_id_column_name: "prediction_id",
    timestamp_column_name: "prediction_ts",
    feature_column_names: ["ink"],
    tag_column_names: null,
    prediction_label_column_name: "prediction_label",
    prediction_score_column_name: "prediction_score",
    actual_label_column_name: "actual_label",
    actual_score_column_name: null,
    embedding_feature_column_names: {
      image_embedding: {
        vector_column_name: "image_vector",
        raw_data_column_name: null,
        link_to_data_column_name: null
      }
    },
    prompt_column_names: null,
    response_column_names: null,
    excluded_column_names: null
  });
  assert.equal(text, null);
  assert.equal(images, null);
});

test("inferSchema() takes a label-named column of fractions for a score: regression", () => {
  const {schema} = inferSchema(
    table({
      x: column([1, 2], new Float64()),
      prediction: column([1.5, 2.25], new Float64()),
      target: column([1.25, 2], new Float64())
    })
  );
  assert.equal(schema.prediction_label_column_name, null);
  assert.equal(schema.actual_label_column_name, null);
  assert.equal(schema.prediction_score_column_name, "prediction");
  assert.equal(schema.actual_score_column_name, "target");
  assert.deepEqual(schema.feature_column_names, ["x"]);
});

test("inferSchema() keeps whole-number labels as labels, and ISO text under a timestamp name as the timestamp", () => {
  const {schema} = inferSchema(
    table({
      time: column(["2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"], new Utf8()),
      label: column([1, 0], new Float64()),
      predicted: column([1, 1], new Int32())
    })
  );
  assert.equal(schema.timestamp_column_name, "time");
  assert.equal(schema.actual_label_column_name, "label");
  assert.equal(schema.prediction_label_column_name, "predicted");
});

test("inferSchema() leaves prose to embed, keeps a category a feature, and does not take a timestamp name's numbers of text", () => {
  const sentences = [
    "The striker scored twice today.",
    "Bake the bread for forty minutes.",
    "A comet passed near Mars."
  ];
  const result = inferSchema(
    table({
      date: column(["soon", "later", "never"], new Utf8()),
      text: column(sentences, new Utf8()),
      topic: column(["sports", "cooking", "sports"], new Utf8())
    })
  );
  assert.equal(result.text, "text");
  assert.equal(result.images, null);
  assert.equal(result.schema.timestamp_column_name, null);
  assert.deepEqual(result.schema.feature_column_names, ["date", "topic"]);
  assert.equal(result.schema.embedding_feature_column_names, null);
});

test("inferSchema() finds image links and image bytes", () => {
  const links = inferSchema(
    table({
      url: column(["data:image/png;base64,iVBORw0KGgo=", "https://example.com/a.JPG"], new Utf8()),
      y: column([1, 2], new Int32())
    })
  );
  assert.equal(links.images, "url");
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const bytes = inferSchema(table({image: column([png, png], new Binary())}));
  assert.equal(bytes.images, "image");
  assert.deepEqual(bytes.schema.feature_column_names, []);
});

test("inferSchema() gives the first vector column the raw text and the image links", () => {
  const {schema, text, images} = inferSchema(
    table({
      text: column(["one two three four five", "six seven eight nine ten"], new Utf8()),
      link: column(["a.png", "b.png"], new Utf8()),
      vector: column(
        [
          [1, 2],
          [3, 4]
        ],
        floats()
      ),
      other_embedding: column(["[1, 2]", "[3.5, 4]"], new Utf8())
    })
  );
  assert.deepEqual(schema.embedding_feature_column_names, {
    vector_embedding: {
      vector_column_name: "vector",
      raw_data_column_name: "text",
      link_to_data_column_name: "link"
    },
    other_embedding: {
      vector_column_name: "other_embedding",
      raw_data_column_name: null,
      link_to_data_column_name: null
    }
  });
  assert.deepEqual(schema.feature_column_names, []);
  assert.equal(text, null);
  assert.equal(images, null);
});

test("inferSchema() leaves out of the features a column whose type drift cannot bin, and says why", () => {
  const n = 2;
  const unbinnable = {
    tags: column([["a"], ["a", "b"]], new List(new Field("item", new Utf8(), true))),
    empty: makeVector(makeData({type: new Null(), length: n})),
    at: column([1n, 2n], new TimeMicrosecond()),
    point: column([{a: 1}, {a: 2}], new Struct([new Field("a", new Int32(), true)]))
  };
  const inference = inferSchema(table({x: column([1.5, 2.5], new Float64()), ...unbinnable}));
  assert.deepEqual(inference.schema.feature_column_names, ["x"]);
  assert.equal(inference.schema.excluded_column_names, null);
  assert.deepEqual(inference.warnings, [
    'column "tags" left out of the features: drift cannot bin List<Utf8>',
    'column "empty" left out of the features: it holds only nulls, of no type',
    'column "at" left out of the features: drift cannot bin Time64<MICROSECOND>',
    'column "point" left out of the features: drift cannot bin Struct<{a:Int32}>'
  ]);
  // Without a feature left, they are excluded: an empty feature list would make every column a feature again.
  const none = inferSchema(table(unbinnable)).schema;
  assert.deepEqual(none.feature_column_names, []);
  assert.deepEqual(none.excluded_column_names, ["tags", "empty", "at", "point"]);
});
