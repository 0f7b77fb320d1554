import {readFileSync} from "node:fs";
import {gunzipSync} from "node:zlib";

/** The UCI handwritten digits (notebooks/data/digits.csv.gz): 1,797 images of 8 × 8 pixels. */
export interface Digits {
  readonly n: number;
  readonly dim: number;
  /** Row-major n × 64 pixel values, 0–16. */
  readonly vectors: Float32Array;
  readonly labels: Int32Array;
}

const PATH = new URL("../../../../notebooks/data/digits.csv.gz", import.meta.url);

export function loadDigits(): Digits {
  const [header, ...rows] = gunzipSync(readFileSync(PATH)).toString("utf8").trim().split("\n");
  const dim = header!.split(",").length - 1;
  const vectors = new Float32Array(rows.length * dim);
  const labels = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    const values = row.split(",").map(Number);
    vectors.set(values.slice(0, dim), i * dim);
    labels[i] = values[dim]!;
  });
  return {n: rows.length, dim, vectors, labels};
}
