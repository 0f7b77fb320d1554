import assert from "node:assert/strict";
import {test} from "node:test";
import {
  Bool,
  Field,
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
  vectorFromArray
} from "apache-arrow";
import {fromTable} from "../../../src/cells/dataset/from-table.ts";
import {timeWindow} from "../../../src/cells/dataset/window.ts";
import {assignContinuous, type ContinuousBinning} from "../../../src/cells/drift/binning.ts";
import {featureDrift, type FeatureDrift} from "../../../src/cells/drift/feature-drift.ts";

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 1) / 1000;
const WORDS = ["a", "é", "", "日本", "a longer value", "b"];

function random(seed: number): () => number {
  let x = seed;
  return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** n rows over 20 hours, in the given order of the file; numbers, integers, text and booleans, with nulls. */
function dataset(name: string, n: number, seed: number, order: (rows: number[]) => number[]) {
  const r = random(seed);
  const rows = Array.from({length: n}, (_, i) => ({
    ts: T0 + (i * 20 * 3600) / n,
    x: r() < 0.05 ? null : r() * 10 + (i > n / 2 ? 2 : 0),
    k: r() < 0.05 ? null : Math.floor(r() * 5),
    w: r() < 0.05 ? null : WORDS[Math.floor(r() * WORDS.length)]!,
    b: r() < 0.05 ? null : r() < 0.4
  }));
  const kept = order(rows.map((_, i) => i)).map((i) => rows[i]!);
  const column = <T>(key: keyof (typeof rows)[number], type: T) =>
    vectorFromArray(
      kept.map((row) => row[key]),
      type as never
    );
  const table = new Table({
    ts: column("ts", new Float64()),
    x: column("x", new Float64()),
    k: column("k", new Int32()),
    w: column("w", new Utf8()),
    b: column("b", new Bool())
  });
  return fromTable(table, `${name}.arrow`, {name, schema: {timestamp: "ts", features: ["x", "k", "w", "b"]}});
}

const inOrder = (rows: number[]) => rows;
const shuffled = (rows: number[]) => {
  const r = random(11);
  for (let i = rows.length - 1; i > 0; --i) {
    const j = Math.floor(r() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return rows;
};

// Counts by label, and per window, so that drift found with bins in another order compares.
function byLabel(drift: FeatureDrift) {
  const {labels, primary, reference} = drift.bins;
  const counts = (c: Float64Array) => Object.fromEntries(labels.map((label, i) => [label, c[i]]));
  return {primary: counts(primary), reference: counts(reference), series: drift.series?.map((p) => p.count)};
}

test("featureDrift() counts the same bins whether the file's rows are in time order or not", () => {
  const options = {evaluationWindow: 3 * HOUR, samplingInterval: HOUR};
  const reference = dataset("reference", 700, 2, shuffled);
  const sorted = featureDrift(dataset("primary", 2000, 1, inOrder), reference, options);
  const unsorted = featureDrift(dataset("primary", 2000, 1, shuffled), reference, options);
  assert.equal(sorted[0]!.series!.length, 20);
  for (const [i, drift] of sorted.entries()) {
    assert.deepEqual(byLabel(unsorted[i]!), byLabel(drift), drift.feature);
    // Continuous bins do not depend on the rows' order: everything is the same, to the last bit.
    if (drift.kind === "continuous") assert.deepEqual(unsorted[i], drift);
  }
});

test("featureDrift() bins text by its bytes: one bin per value in order of first appearance, empty text apart from nulls", () => {
  const table = (values: (string | null)[]) =>
    new Table({ts: vectorFromArray(values.map((_, i) => T0 + i)), w: vectorFromArray(values, new Utf8())});
  const primary = fromTable(table(["b", null, "é", "", "a longer value", "b"]), "p", {name: "p"});
  const reference = fromTable(table(["日本", "é", null, "a longer value!"]), "r", {name: "r"});
  const [w] = featureDrift(primary, reference, {features: ["w"]});
  assert.deepEqual(w!.bins.labels, ["b", "é", "", "a longer value", "日本", "a longer value!", "null"]);
  assert.deepEqual([...w!.bins.primary], [2, 1, 1, 1, 0, 0, 1]);
  assert.deepEqual([...w!.bins.reference], [0, 1, 0, 0, 1, 1, 1]);
});

test("featureDrift() puts byte strings that decode to the same text in one bin, as their text would", () => {
  // 0xff and 0xfe are not UTF-8: both read as "\uFFFD".
  const data = makeData({
    type: new Utf8(),
    length: 3,
    valueOffsets: Int32Array.from([0, 1, 2, 3]),
    data: Uint8Array.from([0xff, 0xfe, 0x61])
  });
  const table = new Table({ts: vectorFromArray([T0, T0 + 1, T0 + 2]), w: makeVector(data)});
  const [w] = featureDrift(fromTable(table, "p", {name: "p"}), fromTable(table, "r", {name: "r"}), {
    features: ["w"]
  });
  assert.deepEqual(w!.bins.labels, ["\uFFFD", "a", "null"]);
  assert.deepEqual([...w!.bins.primary], [2, 1, 0]);
});

test("featureDrift() of a window: its text bins are the values of its own rows, in order of first appearance", () => {
  const primary = dataset("primary", 400, 5, shuffled);
  const window = timeWindow(primary, {start: (T0 + 5 * 3600) * 1000, end: (T0 + 6 * 3600) * 1000});
  const [w] = featureDrift(window, dataset("reference", 300, 6, inOrder), {features: ["w"]});
  const rows = [...window.timeOrder].sort((a, b) => a - b);
  const column = primary.table.getChild("w")!;
  const seen = [...new Set(rows.map((row) => column.get(row) as string | null).filter((v) => v !== null))];
  assert.deepEqual(w!.bins.labels.slice(0, seen.length), seen);
  assert.equal(
    w!.bins.primary.reduce((a, b) => a + b),
    rows.length
  );
});

test("assignContinuous() finds the bins without branches as a search would, any number of breaks, +∞ null", () => {
  const r = random(9);
  for (const k of [1, 2, 9, 15, 16, 20]) {
    const breaks = Float64Array.from({length: k}, (_, i) => i - k / 2 + r() / 2);
    const binning: ContinuousBinning = {kind: "continuous", breaks, labels: [], nullBin: k + 1};
    const values = Float64Array.from([
      ...breaks,
      -Infinity,
      Infinity,
      NaN,
      ...Array.from({length: 50}, () => (r() - 0.5) * (k + 2))
    ]);
    // NaN and +∞ (in no left-closed bin) are null.
    const expected = [...values].map((v) => (v < Infinity ? breaks.filter((b) => b <= v).length : k + 1));
    assert.deepEqual([...assignContinuous(binning, values)], expected, `${k} breaks`);
  }
});

test("featureDrift() bins and counts rows in time order block by block across chunks as row by row", () => {
  // In time order and in three chunks, the primary's continuous rows are binned and counted in blocks that
  // cross chunk and window edges; shuffled, it takes the row-by-row path. Same bins, to the last bit.
  const inChunks = (shuffle: boolean) => {
    const whole = dataset("primary", 9000, 3, shuffle ? shuffled : inOrder);
    const [a, b, c] = [whole.table.slice(0, 2500), whole.table.slice(2500, 6100), whole.table.slice(6100)];
    const table = shuffle ? whole.table : a!.concat(b!, c!);
    const schema = {timestamp: "ts", features: ["x", "k", "w", "b"]};
    return fromTable(table, "primary.arrow", {name: "primary", schema});
  };
  const reference = dataset("reference", 1200, 4, inOrder);
  const options = {features: ["x", "k"], evaluationWindow: 2 * HOUR, samplingInterval: HOUR / 2};
  const chunked = featureDrift(inChunks(false), reference, options);
  const rowByRow = featureDrift(inChunks(true), reference, options);
  assert.equal(inChunks(false).table.data.length, 3);
  assert.deepEqual(chunked, rowByRow);
});

test("featureDrift() codes and counts text in time order block by block: bins in order of first appearance, counts as row by row", () => {
  const options = {features: ["w"], evaluationWindow: 2 * HOUR, samplingInterval: HOUR};
  const primary = dataset("primary", 9000, 3, inOrder);
  const chunked = fromTable(primary.table.slice(0, 4000).concat(primary.table.slice(4000)), "p", {
    name: "p",
    schema: {timestamp: "ts", features: ["w"]}
  });
  const reference = dataset("reference", 1200, 4, inOrder);
  const [w] = featureDrift(chunked, reference, options);
  const text = (d: typeof primary) => [...d.table.getChild("w")!].filter((v): v is string => v !== null);
  assert.deepEqual(w!.bins.labels, [...new Set([...text(primary), ...text(reference)]), "null"]);
  assert.deepEqual(
    byLabel(w!),
    byLabel(featureDrift(dataset("primary", 9000, 3, shuffled), reference, options)[0]!)
  );
});

test("featureDrift() keeps text bins of rows outside the time range, in order of first appearance", () => {
  const words = Array.from({length: 10_000}, (_, i) =>
    i < 5 ? "early" : i >= 9995 ? "late" : i % 2 ? "b" : "a"
  );
  const table = (values: string[]) =>
    new Table({ts: vectorFromArray(values.map((_, i) => T0 + i)), w: vectorFromArray(values, new Utf8())});
  const schema = {timestamp: "ts", features: ["w"]};
  const primary = fromTable(table(words), "p", {name: "p", schema});
  const reference = fromTable(table(["b", "c"]), "r", {name: "r", schema});
  const timeRange = {start: (T0 + 100) * 1000, end: (T0 + 9000) * 1000};
  const [w] = featureDrift(primary, reference, {
    features: ["w"],
    timeRange,
    evaluationWindow: 300_000,
    samplingInterval: 600_000
  });
  assert.deepEqual(w!.bins.labels, ["early", "b", "a", "late", "c", "null"]);
  assert.deepEqual([...w!.bins.primary], [0, 4450, 4450, 0, 0, 0]);
  assert.equal(w!.series!.at(-1)!.count, 300);
});

test("featureDrift() of text with few values in the primary's time range and many in the reference counts as row by row", () => {
  // The primary's rows are coded and counted block by block while they hold < 64 values; the reference then
  // brings 120 more (a new bin each, count 0 in every window of the primary). Found by `phoenix-notebook new`
  // on image URLs: this threw "SpanCounts: 121 codes of 64".
  const schema = {timestamp: "ts", features: ["w"]};
  const table = (values: string[]) =>
    new Table({
      ts: vectorFromArray(values.map((_, i) => T0 + i * 60)),
      w: vectorFromArray(values, new Utf8())
    });
  const primaryWords = Array.from({length: 3000}, (_, i) => `p${i % 7}`);
  const referenceWords = Array.from({length: 600}, (_, i) => `r${i % 120}`).concat(["p0", "p1"]);
  const primary = fromTable(table(primaryWords), "p", {name: "p", schema});
  const reference = fromTable(table(referenceWords), "r", {name: "r", schema});
  const options = {features: ["w"], evaluationWindow: 2 * HOUR, samplingInterval: HOUR};
  const [w] = featureDrift(primary, reference, options);
  // Expected by hand: 3000 = 7 × 428 + 4 rows over 7 primary values (the first four get one more); 120
  // reference-only values of 5 rows each.
  const labels = [
    ...Array.from({length: 7}, (_, i) => `p${i}`),
    ...Array.from({length: 120}, (_, i) => `r${i}`)
  ];
  assert.deepEqual(w!.bins.labels, [...labels, "null"]);
  assert.deepEqual([...w!.bins.primary].slice(0, 7), [429, 429, 429, 429, 428, 428, 428]);
  assert.ok([...w!.bins.primary].slice(7).every((c) => c === 0));
  assert.deepEqual([...w!.bins.reference].slice(0, 2), [1, 1]);
  assert.ok([...w!.bins.reference].slice(7, 127).every((c) => c === 5));
  // Each window [end − 2 h, end) counts the primary rows whose time falls in it, counted here from the times.
  assert.ok(w!.series!.length > 10);
  const times = primaryWords.map((_, i) => (T0 + i * 60) * 1000);
  for (const {timestamp, count} of w!.series!)
    assert.equal(count, times.filter((t) => t >= timestamp - 2 * HOUR && t < timestamp).length);
});

test("featureDrift() refuses a column that is numbers on one side and text on the other, naming both files", () => {
  const primary = fromTable(new Table({n: vectorFromArray([1, 2, 3], new Float64())}), "prod.csv", {
    schema: {}
  });
  const text = fromTable(new Table({n: vectorFromArray(["x1", "x2"], new Utf8())}), "train.csv", {
    schema: {}
  });
  // Every reference value would fall in the null bin: a PSI of 0.75 that says only that the files differ.
  assert.throws(() => featureDrift(primary, text, {features: ["n"]}), {
    message:
      'train.csv: column "n": is discrete (Utf8) here but continuous (Float64) in prod.csv: drift compares a column with the same column'
  });
  // A text column that holds only nulls (a CSV column left empty) has nothing to disagree with.
  const empty = fromTable(new Table({n: vectorFromArray([null, null], new Utf8())}), "train.csv", {
    schema: {}
  });
  const [drift] = featureDrift(primary, empty, {features: ["n"]});
  assert.equal(drift!.kind, "continuous");
  // One bin for the numbers (no reference values to split them), and the null bin holding both reference rows.
  assert.deepEqual([...drift!.bins.reference], [0, 2]);
  assert.deepEqual([...drift!.bins.primary], [3, 0]);
});

test("featureDrift(): a primary column without a value takes the reference's kind (a feature gone missing in production)", () => {
  // The production file's column is empty throughout, so it reads as text; the training one holds 1 to 10.
  const primary = fromTable(new Table({n: vectorFromArray([null, null, null], new Utf8())}), "prod.csv", {
    schema: {}
  });
  const reference = fromTable(
    new Table({n: vectorFromArray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], new Float64())}),
    "train.csv",
    {schema: {}}
  );
  const [drift] = featureDrift(primary, reference, {features: ["n"]});
  assert.equal(drift!.kind, "continuous");
  // By hand: the deciles of 1…10 are 1, 1.9, 2.8, …, 9.1, 10; the inner nine break ten bins, one value each; the
  // primary's three rows are all in the null bin.
  assert.deepEqual([...drift!.bins.reference], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
  assert.deepEqual([...drift!.bins.primary], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
});

test("featureDrift(): by default a feature the reference lacks is left out; asked for by name, it is an error", () => {
  // Phoenix compares the features both datasets have: a reference file without f2 once failed the whole cell.
  const primary = fromTable(
    new Table({
      f1: vectorFromArray([1, 2, 3], new Float64()),
      f2: vectorFromArray(["a", "b", "a"], new Utf8()),
      f3: vectorFromArray([true, false, true], new Bool())
    }),
    "p.csv",
    {name: "p", schema: {}}
  );
  const reference = fromTable(
    new Table({f1: vectorFromArray([2, 3], new Float64()), f3: vectorFromArray([false, false], new Bool())}),
    "r.csv",
    {name: "r", schema: {}}
  );
  assert.deepEqual(
    featureDrift(primary, reference).map((d) => d.feature),
    ["f1", "f3"]
  );
  assert.throws(() => featureDrift(primary, reference, {features: ["f1", "f2"]}), {
    message: 'r.csv: unknown feature: "f2" (r has "f1", "f3")'
  });
});

// One number column x, a row a second from T0.
function numbers(name: string, x: number[]) {
  const table = new Table({
    ts: vectorFromArray(x.map((_, i) => T0 + i)),
    x: vectorFromArray(x, new Float64())
  });
  return fromTable(table, `${name}.arrow`, {name, schema: {timestamp: "ts", features: ["x"]}});
}

test("featureDrift(): +Infinity in the reference moves its breaks and lands in the null bin, as in Phoenix", () => {
  // Reference 0 … 69 and thirty +∞, primary 0 … 99. Phoenix (np.nanquantile, pd.cut(right=False); checked
  // with NumPy 1.24 and pandas 1.5): breaks 9.9, …, 59.4 (binning.test.ts), +∞ in no bin → missing. PSI by
  // hand, pseudocount 1 over 8 bins: p = (11×6, 41, 1)/108, q = (11×6, 11, 31)/108,
  // (41 − 11)/108·ln(41/11) + (1 − 31)/108·ln(1/31) = 1.31935111066419. Before: 0, the ∞ in the top bin.
  const primary = numbers(
    "primary",
    Array.from({length: 100}, (_, i) => i)
  );
  const reference = numbers(
    "reference",
    Array.from({length: 100}, (_, i) => (i < 70 ? i : Infinity))
  );
  const options = {evaluationWindow: 200_000, samplingInterval: 100_000};
  const [x] = featureDrift(primary, reference, options);
  assert.deepEqual([...x!.bins.primary], [10, 10, 10, 10, 10, 10, 40, 0]);
  assert.deepEqual([...x!.bins.reference], [10, 10, 10, 10, 10, 10, 10, 30]);
  assert.ok(Math.abs(x!.value - 1.31935111066419) < 1e-12, `${x!.value}`);
  // The series' last window holds every primary row: the same bins, the same value.
  assert.equal(x!.series!.at(-1)!.value, x!.value);
});

test("featureDrift(): −Infinity counts in the reference's quantiles and falls in the first bin, as in Phoenix", () => {
  // Reference thirty −∞ then 0 … 69, primary −∞ then 0 … 98: breaks 9.600000000000001, 19.5, …, 59.1…
  // (binning.test.ts); Phoenix's PSI (NumPy 1.24, pandas 1.5) 0.6828956855020965.
  const primary = numbers("primary", [-Infinity, ...Array.from({length: 99}, (_, i) => i)]);
  const reference = numbers(
    "reference",
    Array.from({length: 100}, (_, i) => (i < 30 ? -Infinity : i - 30))
  );
  const [x] = featureDrift(primary, reference);
  assert.deepEqual([...x!.bins.primary], [11, 10, 10, 10, 10, 10, 39, 0]);
  assert.deepEqual([...x!.bins.reference], [40, 10, 10, 10, 10, 10, 10, 0]);
  assert.ok(Math.abs(x!.value - 0.6828956855020965) < 1e-12, `${x!.value}`);
});

test("featureDrift(): two unique reference deciles make two bins, split at the smaller, as in Phoenix", () => {
  // Reference ten 0s and a 1: deciles 0 and 1 only, Phoenix's bins [−∞, 0), [0, +∞) (breaks[:1]); PSI of
  // primary −1, 0, .5, 1, 2 from Phoenix's code path (NumPy 1.24, pandas 1.5): 0.32751321363036323. Before: a
  // third bin [1, +∞), primary [1, 2, 2], PSI 0.7515361936785998.
  const reference = numbers("reference", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  const [x] = featureDrift(numbers("primary", [-1, 0, 0.5, 1, 2]), reference);
  assert.deepEqual([...x!.bins.primary], [1, 4, 0]);
  assert.deepEqual([...x!.bins.reference], [0, 11, 0]);
  assert.ok(Math.abs(x!.value - 0.32751321363036323) < 1e-12, `${x!.value}`);
});

test("featureDrift(): by default a feature whose type has no bins is left out with a warning; asked for by name, it is an error", () => {
  // Schema inference once made a list column a feature, and its error failed the drift of every other one.
  const table = (x: number[]) => {
    const n = x.length;
    return new Table({
      x: vectorFromArray(x, new Float64()),
      tags: vectorFromArray(
        x.map((v) => (v % 2 ? ["a"] : ["a", "b"])),
        new List(new Field("item", new Utf8(), true))
      ),
      empty: makeVector(makeData({type: new Null(), length: n})),
      at: vectorFromArray(
        x.map((v) => BigInt(v) * 1_000_000n),
        new TimeMicrosecond()
      ),
      point: vectorFromArray(
        x.map((v) => ({a: v})),
        new Struct([new Field("a", new Int32(), true)])
      )
    });
  };
  const primary = fromTable(table([2, 3, 4, 5, 6, 7, 8, 9, 10, 10]), "prod.parquet", {schema: {}});
  const reference = fromTable(table([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), "train.parquet", {schema: {}});
  const drift = featureDrift(primary, reference);
  assert.deepEqual(
    drift.map((d) => d.feature),
    ["x"]
  );
  // By hand: the reference's inner deciles 1.9, 2.8, …, 9.1 make ten bins of one reference value each; the primary
  // has 0, 1, 1, 1, 1, 1, 1, 1, 1, 2. Smoothed over 10 bins: p = (1, 2, …, 2, 3) / 20, q = 2 / 20 each, so
  // PSI = (1/20 − 2/20)·ln(1/2) + (3/20 − 2/20)·ln(3/2) = ln(3) / 20 (numpy: 0.05493061443340548).
  assert.ok(Math.abs(drift[0]!.value - Math.log(3) / 20) < 1e-12);
  assert.deepEqual(drift.warnings, [
    'column "tags" left out: prod.parquet: cannot measure drift of a List<Utf8> column',
    'column "empty" left out: prod.parquet: cannot measure drift of a Null column',
    'column "at" left out: prod.parquet: cannot measure drift of a Time64<MICROSECOND> column',
    'column "point" left out: prod.parquet: cannot measure drift of a Struct<{a:Int32}> column'
  ]);
  assert.throws(() => featureDrift(primary, reference, {features: ["x", "tags"]}), {
    message: 'prod.parquet: column "tags": cannot measure drift of a List<Utf8> column'
  });
});

test("featureDrift(): booleans against numbers key true and false as 1 and 0, as pandas' value_counts keys True and 1 alike", () => {
  // A label and a feature stored as Bool in production and as 0/1 numbers in training. Before: the label's bins
  // were "true", "false", "1", "0" (PSI ln 3, as if nothing matched) and the feature an error (discrete against
  // continuous). numpy: counts of 1 and 0 are (3, 1) against (1, 3); smoothed over 2 bins p = (4, 2) / 6,
  // q = (2, 4) / 6, PSI = Σ (p − q) ln(p/q) = (2/3) ln 2 = 0.46209812037329684.
  const primary = fromTable(
    new Table({
      label: vectorFromArray([true, false, true, true], new Bool()),
      flag: vectorFromArray([true, false, true, true], new Bool())
    }),
    "prod.parquet",
    {schema: {predictionLabel: "label", features: ["flag"]}}
  );
  const reference = fromTable(
    new Table({
      label: vectorFromArray([1, 0, 0, 0], new Int32()),
      flag: vectorFromArray([1, 0, 0, 0], new Float64())
    }),
    "train.parquet",
    {schema: {predictionLabel: "label", features: ["flag"]}}
  );
  const drift = featureDrift(primary, reference);
  assert.deepEqual(
    drift.map((d) => [d.feature, d.kind, d.bins.labels, [...d.bins.primary], [...d.bins.reference]]),
    [
      ["flag", "discrete", ["1", "0", "null"], [3, 1, 0], [1, 3, 0]],
      ["label", "discrete", ["1", "0", "null"], [3, 1, 0], [1, 3, 0]]
    ]
  );
  for (const d of drift) assert.ok(Math.abs(d.value - (2 / 3) * Math.log(2)) < 1e-12, d.feature);
});
