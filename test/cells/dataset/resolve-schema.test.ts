import assert from "node:assert/strict";
import {test} from "node:test";
import {normalizeSchemaSpec} from "../../../src/cells/dataset/normalize-schema.ts";
import {resolveSchema} from "../../../src/cells/dataset/resolve-schema.ts";

const columns = ["id", "ts", "age", "city", "pred", "actual", "vec", "text", "env"];
const spec = {
  predictionId: "id",
  timestamp: "ts",
  predictionLabel: "pred",
  actualLabel: "actual",
  tags: ["env"],
  embeddings: {review: {vector: "vec", rawData: "text"}}
};

test("resolveSchema() infers features as every unused column, in file order (tags never)", () => {
  const {schema, problems} = resolveSchema(spec, columns);
  assert.deepEqual(problems, []);
  assert.deepEqual(schema.features, ["age", "city"]);
  assert.equal(schema.featuresInferred, true);
  assert.deepEqual(schema.tags, ["env"]);
});

test("resolveSchema() treats an empty feature list as missing", () => {
  assert.deepEqual(resolveSchema({...spec, features: []}, columns).schema.features, ["age", "city"]);
});

test("resolveSchema() drops excluded fields and features, and excludes embeddings by feature name", () => {
  const {schema, warnings} = resolveSchema(
    {...spec, excluded: ["actual", "city", "review", "nope"]},
    columns
  );
  assert.equal(schema.actualLabel, null);
  assert.deepEqual(schema.features, ["age"]);
  assert.deepEqual(Object.keys(schema.embeddings), []);
  assert.deepEqual(warnings, ['excluded column "nope" is not in the file']);
});

test("resolveSchema() refuses to exclude the prediction id or the timestamp", () => {
  const {problems} = resolveSchema({...spec, excluded: ["id", "ts"]}, columns);
  assert.deepEqual(
    problems.map((p) => [p.column, p.message]),
    [
      ["id", "the prediction id column cannot be excluded"],
      ["ts", "the timestamp column cannot be excluded"]
    ]
  );
});

test("resolveSchema() reports every declared column that is missing", () => {
  const {problems} = resolveSchema({...spec, features: ["age", "height"], actualScore: "score"}, columns);
  assert.deepEqual(
    problems.map((p) => [p.column, p.message]),
    [
      ["score", "declared as the actual score but not in the file"],
      ["height", "declared as a feature but not in the file"]
    ]
  );
});

test("normalizeSchemaSpec() reads Phoenix's snake_case schema.json unchanged", () => {
  const phoenix = {
    prediction_id_column_name: "id",
    timestamp_column_name: "ts",
    feature_column_names: null,
    tag_column_names: ["env"],
    prediction_label_column_name: "pred",
    prediction_score_column_name: null,
    actual_label_column_name: "actual",
    actual_score_column_name: null,
    embedding_feature_column_names: {
      review: {vector_column_name: "vec", raw_data_column_name: "text", link_to_data_column_name: null}
    },
    excluded_column_names: null
  };
  assert.deepEqual(normalizeSchemaSpec(phoenix), spec);
});
