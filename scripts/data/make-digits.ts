// Builds the Phoenix example datasets from the digits in notebooks/data/digits.csv.gz (see
// notebooks/data/README.md): a "training" reference and a "production" primary in the Open Inference format,
// with a model's predictions, timestamps and the 64 pixels as the embedding. In production, from day 10 on, a
// quarter of the images come from a misaligned scanner (shifted two pixels right): a real drift that the
// embedding drift, the point cloud and the clusters should find, with the model's accuracy dropping there.
// Run: node --import tsx scripts/data/make-digits.ts   (deterministic: the same files every time)
import {readFileSync, writeFileSync} from "node:fs";
import {gunzipSync} from "node:zlib";
import {
  Field,
  FixedSizeList,
  Float32,
  Float64,
  Int32,
  makeVector,
  Table,
  TimestampMillisecond,
  Utf8,
  vectorFromArray
} from "apache-arrow";
import {writeParquet} from "../fixtures/parquet-writer.ts";
import {Random} from "../../src/cells/random.ts";

const data = new URL("../../notebooks/data/", import.meta.url);
const lines = gunzipSync(readFileSync(new URL("digits.csv.gz", data)))
  .toString("utf8")
  .trim()
  .split("\n")
  .slice(1);
const pixels = lines.map((line) => line.split(",").map(Number));
const digits = pixels.map((row) => row.pop()!);
const random = new Random(2023);

// A seeded split: half the images train the model (the reference), the other half are "production".
const order = Array.from(pixels.keys());
for (let i = order.length - 1; i > 0; --i) {
  const j = random.below(i + 1);
  [order[i], order[j]] = [order[j]!, order[i]!];
}
const half = Math.floor(order.length / 2);
const trainRows = order.slice(0, half);
const prodRows = order.slice(half);

// The model: nearest class centroid on the reference images (a simple, honest classifier).
const centroids = Array.from({length: 10}, () => new Float64Array(64));
const counts = new Array<number>(10).fill(0);
for (const r of trainRows) {
  counts[digits[r]!]!++;
  pixels[r]!.forEach((v, j) => (centroids[digits[r]!]![j]! += v));
}
centroids.forEach((c, d) => c.forEach((_, j) => (c[j]! /= counts[d]!)));
function predict(image: number[]): {label: number; score: number} {
  const distances = centroids.map((c) => Math.sqrt(image.reduce((s, v, j) => s + (v - c[j]!) ** 2, 0)));
  const sorted = [...distances].sort((a, b) => a - b);
  // Confidence: how much nearer the best class is than the runner-up, in [0, 1].
  return {label: distances.indexOf(sorted[0]!), score: 1 - sorted[0]! / sorted[1]!};
}

/** The image shifted `dx` pixels right (8 × 8, zeros enter on the left): a misaligned scanner. */
function shifted(image: number[], dx: number): number[] {
  return image.map((_, i) => ((i % 8) - dx >= 0 ? image[i - dx]! : 0));
}

const DAY = 86_400_000;
const start = Date.UTC(2023, 4, 1);
function dataset(name: string, rows: number[], from: number, days: number, drifted: (t: number) => boolean) {
  const times = rows.map(() => from + Math.floor(random.float() * days * DAY)).sort((a, b) => a - b);
  const images = rows.map((r, i) =>
    drifted(times[i]!) && random.float() < 0.25 ? shifted(pixels[r]!, 2) : pixels[r]!
  );
  const predictions = images.map(predict);
  const vectors = new Float32Array(images.length * 64);
  images.forEach((image, i) => vectors.set(image, i * 64));
  const type = new FixedSizeList(64, new Field("item", new Float32(), false));
  return new Table({
    prediction_id: vectorFromArray(
      rows.map((r) => `${name}-${String(r).padStart(4, "0")}`),
      new Utf8()
    ),
    prediction_ts: vectorFromArray(
      times.map((t) => new Date(t)),
      new TimestampMillisecond()
    ),
    ink: vectorFromArray(
      images.map((image) => image.filter((v) => v > 0).length),
      new Int32()
    ),
    brightness: vectorFromArray(
      images.map((image) => image.reduce((a, b) => a + b, 0) / 64),
      new Float64()
    ),
    prediction_label: vectorFromArray(
      predictions.map((p) => String(p.label)),
      new Utf8()
    ),
    prediction_score: vectorFromArray(
      predictions.map((p) => p.score),
      new Float64()
    ),
    actual_label: vectorFromArray(
      rows.map((r) => String(digits[r])),
      new Utf8()
    ),
    image_vector: makeVector({type, length: rows.length, nullCount: 0, child: makeVector(vectors).data[0]!})
  });
}

const training = dataset("training", trainRows, start - 7 * DAY, 7, () => false);
const production = dataset("production", prodRows, start, 14, (t) => t >= start + 9 * DAY);
writeFileSync(new URL("digits-training.parquet", data), writeParquet(training));
writeFileSync(new URL("digits-production.parquet", data), writeParquet(production));
const schema = {
  prediction_id_column_name: "prediction_id",
  timestamp_column_name: "prediction_ts",
  feature_column_names: ["ink", "brightness"],
  prediction_label_column_name: "prediction_label",
  prediction_score_column_name: "prediction_score",
  actual_label_column_name: "actual_label",
  embedding_feature_column_names: {image_embedding: {vector_column_name: "image_vector"}}
};
writeFileSync(new URL("digits-schema.json", data), `${JSON.stringify(schema, null, 2)}\n`);
const accuracy = (t: Table) => {
  const [p, a] = [t.getChild("prediction_label")!, t.getChild("actual_label")!];
  let right = 0;
  for (let i = 0; i < t.numRows; ++i) if (p.get(i) === a.get(i)) ++right;
  return (right / t.numRows).toFixed(3);
};
console.log(
  `training ${training.numRows} rows (accuracy ${accuracy(training)}), production ${production.numRows} rows (accuracy ${accuracy(production)})`
);
