// `phoenix-notebook new` with a reference whose label, score or embedding columns are not the primary's: the
// reference loads with a schema that names only the columns it has, and the notebook runs, every cell fulfilled.
import assert from "node:assert/strict";
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {tableFromArrays} from "apache-arrow";
import {writeParquet} from "../../src/cells/export/writers/parquet.ts";
import {cli} from "../helpers/cli.ts";
import {newAndRun} from "../helpers/new-and-run.ts";

let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "phoenix-new-reference-"));
  await writeFixtures(dir);
});
after(async () => {
  if (dir) await rm(dir, {recursive: true, force: true});
});

const N = 40;
const rows = Array.from({length: N}, (_, i) => i);
const x1 = (shift: number) => rows.map((i) => ((i * 7) % 13) / 4 + shift);
const x2 = rows.map((i) => ((i * 5) % 11) / 3);
const predicted = rows.map((i) => (i % 2 ? "cat" : "dog"));
/** The prediction, except on every `wrong`-th row (row 0 included), where it is the other class. */
const actual = (wrong: number) =>
  rows.map((i) => (i % wrong === 0 ? (predicted[i] === "cat" ? "dog" : "cat") : predicted[i]!));
const csv = (columns: Record<string, readonly unknown[]>) =>
  [
    Object.keys(columns).join(","),
    ...rows.map((i) =>
      Object.values(columns)
        .map((c) => c[i])
        .join(",")
    )
  ].join("\n");
const performance = (values: Map<string | null, unknown>, name: string) =>
  values.get(name) as {count: number; accuracy: number | null; regression: {mae: number} | null};

test("new: a reference without the actual label (training data exported without it) loads; its accuracy is null", async () => {
  // Before, new failed: `train.parquet: column "actual_label": declared as the actual label but not in the file`.
  const {values, source, stdout} = await newAndRun(dir, "no-actuals.html", [
    "--primary",
    "prod.csv",
    "--reference",
    "train.parquet"
  ]);
  // Every fifth row (0, 5, …, 35) is wrong: 8 of 40.
  assert.equal(performance(values, "primaryPerformance").accuracy, 32 / 40);
  assert.equal(performance(values, "primaryPerformance").count, 40);
  assert.deepEqual(
    [performance(values, "referencePerformance").accuracy, performance(values, "referencePerformance").count],
    [null, 0]
  );
  assert.match(source, /referenceSchema = \(\{\s*\.\.\.schema,[^)]*"actual_label_column_name": null/);
  assert.match(
    source,
    /px\.load\(FileAttachment\("train\.parquet"\), \{schema: referenceSchema, name: "reference"\}\)/
  );
  assert.match(source, /`train\.parquet` has no actual label: its metrics are unavailable/);
  assert.match(
    stdout,
    /train\.parquet has other columns than the primary and loads with a schema of its own \(the referenceSchema cell\): no actual label \(actual_label\)\n/
  );
  // The drift of the model's outputs is measured on the prediction the reference has; not on the actual label.
  const drifted = (values.get("featureDrift") as {feature: string}[]).map((d) => d.feature);
  assert.deepEqual(drifted, ["x1", "x2", "prediction_label"]);
});

test("new: a reference with the actual label the primary lacks (production awaiting ground truth): the reference's accuracy", async () => {
  // Before, the reference loaded with the primary's schema, its labels ignored, and no performance cell at all.
  const {values, source, stdout} = await newAndRun(dir, "reverse.html", [
    "--primary",
    "awaiting.csv",
    "--reference",
    "labelled.csv"
  ]);
  // Every fourth row (0, 4, …, 36) is wrong: 10 of 40.
  assert.equal(performance(values, "referencePerformance").accuracy, 30 / 40);
  assert.equal(performance(values, "primaryPerformance").accuracy, null);
  assert.match(
    source,
    /referenceSchema = \(\{\s*\.\.\.schema,[^)]*"actual_label_column_name": "actual_label"/
  );
  assert.match(source, /`awaiting\.csv` has no actual label: its metrics are unavailable/);
  assert.match(stdout, /labelled\.csv has other columns .*: actual label actual_label\n/);
});

test("new: a regression reference without the score and timestamp columns: the primary's MAE, none for the reference", async () => {
  // Before, new failed: unscored.jsonl has no timestamp, prediction or actual column, and the schema named them.
  const {names, values, source, stdout} = await newAndRun(dir, "unscored.html", [
    "--primary",
    "scored.jsonl",
    "--reference",
    "unscored.jsonl"
  ]);
  // Half the rows are 0.5 off, half 0.25: (20 · 0.5 + 20 · 0.25) / 40.
  assert.equal(performance(values, "primaryPerformance").regression?.mae, 0.375);
  assert.equal(performance(values, "referencePerformance").regression, null);
  assert.match(source, /"prediction_score_column_name": null,\s*"actual_score_column_name": null/);
  // The reference's rows get the load time (Phoenix's default); the primary's still make the drift timeline.
  assert.match(
    stdout,
    /: no timestamp \(timestamp\); no prediction score \(prediction\); no actual score \(actual\)\n/
  );
  assert.ok(names.has("viewof timeWindow"));
});

test("new: a reference without the primary's vector column: the cloud of the primary alone, no embedding drift", async () => {
  // Before, new failed: `novectors.csv: column "vector": declared as the vector of embedding … but not in the file`.
  const {names, values, source, stdout} = await newAndRun(dir, "no-vectors.html", [
    "--primary",
    "vectors.csv",
    "--reference",
    "novectors.csv"
  ]);
  for (const name of [
    "projection",
    "summary",
    "viewof selection",
    "exported",
    "featureDrift",
    "referencePerformance"
  ])
    assert.ok(names.has(name), name);
  assert.equal(names.has("drift"), false);
  assert.equal((values.get("projection") as {dataset: {length: number}}).dataset.length, N);
  assert.match(source, /px\.project\(\[primary\]/);
  assert.match(source, /\.\.\.schema,[^)]*"embedding_feature_column_names": null\n/);
  assert.match(source, /`novectors\.csv` has no `vector` column: the cloud shows the primary alone/);
  assert.match(
    stdout,
    /novectors\.csv has no vector column \(the primary's embedding [^)]*\): the point cloud shows the primary alone, without embedding drift/
  );
});

test("new: a reference with the vectors but not their raw text: drift on the vectors, its schema without the text", async () => {
  // Before, new failed: `vectors-only.csv: column "review": declared as the raw data of embedding … but not in the file`.
  const {names, source, stdout} = await newAndRun(dir, "no-raw-text.html", [
    "--primary",
    "vectors-texts.csv",
    "--reference",
    "vectors-only.csv"
  ]);
  assert.ok(names.has("drift") && names.has("projection"));
  assert.match(
    source,
    /"embedding_feature_column_names": \{\s*"vector_embedding": \{\s*"vector_column_name": "vector",\s*"raw_data_column_name": null,/
  );
  assert.match(stdout, /no raw data of embedding vector_embedding \(review\)\n/);
  // Hovering a reference point reads no text rather than failing on the column it lacks.
  assert.match(source, /\.getChild\("review"\)\?\.get\(projection\.row\[i\]\)/);
});

test("new: a reference without the primary's text column: only the primary is embedded with words", async () => {
  // Before, the reference's px.embed failed: it has no review column.
  const {names, source} = await newAndRun(dir, "no-texts.html", [
    "--primary",
    "texts.csv",
    "--reference",
    "notexts.csv"
  ]);
  assert.ok(names.has("projection") && names.has("featureDrift"));
  assert.equal(names.has("drift"), false);
  assert.match(source, /reference = px\.load\(FileAttachment\("notexts\.csv"\)/);
  assert.doesNotMatch(source, /px\.embed\(referenceData/);
});

test("new with --schema naming a column the reference lacks: the schema is the user's, and px.load's error says which", async () => {
  const {code, stderr} = await cli(
    ["new", "given.html", "--primary", "prod.csv", "--reference", "train.parquet", "--schema", "schema.json"],
    {cwd: dir}
  );
  assert.equal(code, 1);
  assert.match(
    stderr,
    /train\.parquet: column "actual_label": declared as the actual label but not in the file/
  );
});

// Small, hand-checkable files: 40 rows each, a classifier's labels, a regression's scores, vectors, texts.
async function writeFixtures(folder: string): Promise<void> {
  const write = (name: string, text: string | Uint8Array) => writeFile(join(folder, name), text);
  await write("prod.csv", csv({x1: x1(1), x2, prediction_label: predicted, actual_label: actual(5)}));
  const train = tableFromArrays({
    x1: Float64Array.from(x1(0)),
    x2: Float64Array.from(x2),
    prediction_label: predicted
  });
  await write("train.parquet", await writeParquet(train));
  await write("awaiting.csv", csv({x1: x1(1), x2, prediction_label: predicted}));
  await write("labelled.csv", csv({x1: x1(0), x2, prediction_label: predicted, actual_label: actual(4)}));
  const jsonl = (objects: object[]) => objects.map((o) => JSON.stringify(o)).join("\n");
  const truth = rows.map((i) => i + 0.5);
  const scored = rows.map((i) => ({
    timestamp: new Date(Date.UTC(2024, 0, 8) + i * 3_600_000).toISOString(),
    x1: x1(1)[i],
    x2: x2[i],
    prediction: truth[i]! + (i % 2 ? 0.5 : -0.25),
    actual: truth[i]
  }));
  await write("scored.jsonl", jsonl(scored));
  await write("unscored.jsonl", jsonl(rows.map((i) => ({x1: x1(0)[i], x2: x2[i]}))));
  const vectors = rows.map((i) => `"[${[i % 3, (i * 7) % 5, 1 + (i % 2)].map((v) => v / 4).join(",")}]"`);
  await write(
    "vectors.csv",
    csv({x1: x1(1), vector: vectors, prediction_label: predicted, actual_label: actual(5)})
  );
  const review = rows.map((i) => `review ${i}: the screen is fine but the battery is not`);
  await write("vectors-texts.csv", csv({x1: x1(1), vector: vectors, review, prediction_label: predicted}));
  await write("vectors-only.csv", csv({x1: x1(0), vector: vectors, prediction_label: predicted}));
  await write("novectors.csv", csv({x1: x1(0), prediction_label: predicted, actual_label: actual(5)}));
  const words = ["good", "bad", "slow", "fast", "cheap", "broken"];
  const text = rows.map(
    (i) => `the ${words[i % 6]} ${words[Math.floor(i / 6) % 6]} ${words[(i * 5) % 6]} one`
  );
  await write("texts.csv", csv({review: text, x1: x1(1)}));
  await write("notexts.csv", csv({x1: x1(0)}));
  await write("schema.json", JSON.stringify({actual_label_column_name: "actual_label"}));
}
