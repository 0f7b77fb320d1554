import {Field, FixedSizeList, Float32, Float64, Table, Utf8, Vector, makeData, type Data} from "apache-arrow";
import type {Dataset} from "../../src/cells/dataset/dataset.ts";
import {fromTable} from "../../src/cells/dataset/from-table.ts";

const DAY = 86_400_000;
/** Production's first timestamp, epoch ms; the reference covers the 30 days before it. */
const START = Date.UTC(2024, 0, 1);

/** The size of a drift workload. */
export interface WorkloadSize {
  readonly rows: number;
  readonly referenceRows: number;
  readonly dim: number;
  /** Feature columns: half Float64 (1% nulls), half text with 4–20 categories (1% nulls). */
  readonly features: number;
  readonly days: number;
  readonly seed: number;
}

/** A seeded production/reference pair: an embedding `e` (zero-copy over `vectors`) and `features` columns. */
export interface Workload {
  readonly primary: Dataset;
  readonly reference: Dataset;
  /** The primary's vectors: the very Float32Array the dataset's embedding reads. */
  readonly vectors: Float32Array;
  readonly features: readonly string[];
}

/**
 * Builds the datasets in memory, fast (a xorshift stream written straight into the typed arrays): rows in
 * time order, evenly spread over the days; from the middle of production on, the first 32 dimensions and the
 * features shift, so that there is drift to find.
 */
export function workload(size: WorkloadSize): Workload {
  const {rows, referenceRows, dim, days, seed} = size;
  const featureNames = Array.from({length: size.features}, (_, k) => `f${String(k).padStart(2, "0")}`);
  const build = (name: string, n: number, start: number, seedOf: number, drifted: number) => {
    const vectors = randomVectors(n, dim, seedOf, drifted);
    const columns: Record<string, Vector> = {
      time: new Vector([floats(n, (i) => (start + (i * days * DAY) / n) / 1000)]),
      e: new Vector([vectorData(vectors, dim)])
    };
    featureNames.forEach((feature, k) => {
      const random = xorshift(seedOf * 1000 + k);
      columns[feature] =
        k % 2 === 0
          ? new Vector([floats(n, (i) => (random() < 0.01 ? NaN : random() + (i >= drifted ? 0.1 : 0)))])
          : new Vector([categories(n, 4 + (k % 17), random, drifted)]);
    });
    const schema = {timestamp: "time", features: featureNames, embeddings: {e: {vector: "e"}}};
    return {dataset: fromTable(new Table(columns), `${name} (generated)`, {name, schema}), vectors};
  };
  const primary = build("production", rows, START, seed, rows >> 1);
  const reference = build("training", referenceRows, START - days * DAY, seed + 1, referenceRows);
  return {
    primary: primary.dataset,
    reference: reference.dataset,
    vectors: primary.vectors,
    features: featureNames
  };
}

// n × dim uniform values in [−0.5, 0.5); rows from `drifted` on have their first 32 dimensions moved by 0.2.
function randomVectors(n: number, dim: number, seed: number, drifted: number): Float32Array {
  const vectors = new Float32Array(n * dim);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < n; ++i) {
    const shift = i >= drifted ? 0.2 : 0;
    for (let j = 0, at = i * dim; j < dim; ++j, ++at) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      vectors[at] = (x >>> 0) * 2.3283064365386963e-10 - 0.5 + (j < 32 ? shift : 0);
    }
  }
  return vectors;
}

// FixedSizeList<Float32> whose child buffer is `vectors` itself: the dataset reads it in place.
function vectorData(vectors: Float32Array, dim: number): Data {
  const child = makeData({type: new Float32(), length: vectors.length, data: vectors});
  const type = new FixedSizeList(dim, new Field("item", new Float32(), false));
  return makeData({type, length: vectors.length / dim, child});
}

// A Float64 column; NaN values are nulls (validity bitmap), as readers give missing numbers.
function floats(n: number, value: (i: number) => number): Data {
  const values = new Float64Array(n);
  const validity = new Uint8Array(Math.ceil(n / 8));
  let nullCount = 0;
  for (let i = 0; i < n; ++i) {
    values[i] = value(i);
    if (Number.isNaN(values[i])) ++nullCount;
    else validity[i >> 3]! |= 1 << (i & 7);
  }
  return makeData({type: new Float64(), length: n, nullCount, nullBitmap: validity, data: values});
}

// Text with `count` categories "c0" … (skewed towards the low ones; after `drifted`, towards the high ones).
function categories(n: number, count: number, random: () => number, drifted: number): Data {
  const encoder = new TextEncoder();
  const labels = Array.from({length: count}, (_, c) => encoder.encode(`c${c}`));
  const offsets = new Int32Array(n + 1);
  const bytes = new Uint8Array(n * 3);
  const validity = new Uint8Array(Math.ceil(n / 8));
  let nullCount = 0;
  for (let i = 0; i < n; ++i) {
    const u = random();
    if (u < 0.01) {
      ++nullCount;
      offsets[i + 1] = offsets[i]!;
      continue;
    }
    const skewed = Math.floor(count * random() ** 2);
    const label = labels[i >= drifted ? count - 1 - skewed : skewed]!;
    bytes.set(label, offsets[i]!);
    offsets[i + 1] = offsets[i]! + label.length;
    validity[i >> 3]! |= 1 << (i & 7);
  }
  return makeData({
    type: new Utf8(),
    length: n,
    nullCount,
    nullBitmap: validity,
    valueOffsets: offsets,
    data: bytes.subarray(0, offsets[n]!)
  });
}

function xorshift(seed: number): () => number {
  let x = (seed * 2654435761) >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) * 2.3283064365386963e-10;
  };
}
