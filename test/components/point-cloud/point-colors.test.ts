import assert from "node:assert/strict";
import {test} from "node:test";
import {keptHiddenEntries} from "../../../src/components/point-cloud/legend.ts";
import {pointColoring, pointFlags} from "../../../src/components/point-cloud/point-colors.ts";
import type {PointCloudData} from "../../../src/components/point-cloud/types.ts";
import {palettes} from "../../../src/components/theme.ts";

const column = (values: unknown[]) => ({get: (row: number) => values[row] ?? null});
const schema = {
  features: ["size", "kind"],
  tags: [],
  predictionLabel: "pred",
  predictionScore: null,
  actualLabel: "actual",
  actualScore: null
};
const tables = (columns: Record<string, unknown[]>) => ({
  getChild: (name: string) => (columns[name] ? column(columns[name]) : null)
});
// Points 0, 2 are rows 0, 1 of production; point 1 is row 0 of training.
const data: PointCloudData = {
  coordinates: new Float32Array(6),
  nComponents: 2,
  dataset: Uint8Array.of(0, 1, 0),
  row: Int32Array.of(0, 0, 1),
  datasets: [
    {
      name: "production",
      schema,
      table: tables({pred: ["3", "5"], actual: ["3", "4"], size: [2, 4], kind: ["a", null]})
    },
    {name: "training", schema, table: tables({pred: ["1"], actual: [null], size: [NaN], kind: ["b"]})}
  ]
};
const rgb = (colors: Uint8Array, i: number) => [...colors.subarray(i * 3, i * 3 + 3)];
const legendOf = (colorBy: Parameters<typeof pointColoring>[1]) =>
  pointColoring(data, colorBy, {labels: Int32Array.of(0, -1, 1)}, palettes.light).legend.entries.map(
    (e) => `${e.label} ${e.count}`
  );

test("pointColoring() by dataset uses Phoenix's primary and reference colors of the theme", () => {
  const light = pointColoring(data, "dataset", undefined, palettes.light).colors;
  assert.deepEqual(
    [rgb(light, 0), rgb(light, 1)],
    [
      [0x00, 0xad, 0xd0],
      [0x45, 0x00, 0xd9]
    ]
  );
  const dark = pointColoring(data, "dataset", undefined, palettes.dark).colors;
  assert.deepEqual(
    [rgb(dark, 0), rgb(dark, 1)],
    [
      [0x05, 0xfb, 0xff],
      [0xcb, 0x8a, 0xfd]
    ]
  );
  assert.deepEqual(legendOf("dataset"), ["production 2", "training 1"]);
});

test("pointColoring() by cluster colors noise grey and each cluster its own color", () => {
  const {colors} = pointColoring(data, "cluster", {labels: Int32Array.of(0, -1, 1)}, palettes.light);
  assert.deepEqual(rgb(colors, 1), [0xb4, 0xb8, 0xbf]);
  assert.notDeepEqual(rgb(colors, 0), rgb(colors, 2));
  assert.deepEqual(legendOf("cluster"), ["cluster 0 1", "cluster 1 1", "noise 1"]);
});

test("pointColoring() by correctness, labels and columns reads each point's row of its dataset", () => {
  assert.deepEqual(legendOf("correctness"), ["correct 1", "incorrect 1", "missing 1"]);
  assert.deepEqual(legendOf("predictionLabel"), ["1 1", "3 1", "5 1"]);
  assert.deepEqual(legendOf("actualLabel"), ["3 1", "4 1", "missing 1"]);
  assert.deepEqual(legendOf({column: "kind"}), ["a 1", "b 1", "missing 1"]);
  assert.deepEqual(legendOf({column: "size"}), ["2 – 4 2", "missing 1"]);
});

test("pointColoring() by value spans viridis from the smallest to the largest; NaN is grey", () => {
  const {colors, legend} = pointColoring(data, Float32Array.of(2, NaN, 4), undefined, palettes.light);
  assert.deepEqual(
    [rgb(colors, 0), rgb(colors, 1), rgb(colors, 2)],
    [
      [0x44, 0x01, 0x54],
      [0xb4, 0xb8, 0xbf],
      [0xfd, 0xe7, 0x25]
    ]
  );
  assert.deepEqual(legend.range, [2, 4]);
});

test("pointColoring() keeps the ten most frequent values and groups the rest as other", () => {
  const n = 14;
  // Value k appears k + 1 times for k < 12, so "0" and "1" (3 points) fall into "other".
  const values = Array.from({length: 12}, (_, k) => Array<string>(k + 1).fill(`v${k}`)).flat();
  const many: PointCloudData = {
    ...data,
    coordinates: new Float32Array(values.length * 2),
    dataset: new Uint8Array(values.length),
    row: Int32Array.from(values, (_, i) => i),
    datasets: [{name: "p", schema, table: tables({kind: values})}]
  };
  const {entries} = pointColoring(many, {column: "kind"}, undefined, palettes.light).legend;
  assert.equal(entries.length, 11);
  assert.deepEqual(entries.at(-1), {label: "other", color: palettes.light.muted, count: 3, kind: "other"});
  assert.equal(entries[0]!.label, `v${n - 3}`);
});

/** Points 0…n−1, rows 0…n−1 of one dataset whose column "kind" holds `values`. */
const oneColumn = (values: unknown[]): PointCloudData => ({
  ...data,
  coordinates: new Float32Array(values.length * 2),
  dataset: new Uint8Array(values.length),
  row: Int32Array.from(values, (_, i) => i),
  datasets: [{name: "p", schema, table: tables({kind: values})}]
});

test("pointColoring() of numbers puts ±∞ at the scale's ends, listed apart; only NaN and null are missing", () => {
  const values = [2, -Infinity, 4, Infinity, null, NaN, Infinity];
  const {colors, codes, legend} = pointColoring(
    oneColumn(values),
    {column: "kind"},
    undefined,
    palettes.light
  );
  // viridis(0) #440154 and viridis(1) #fde725, the low and high ends; grey #b4b8bf for missing.
  assert.deepEqual(
    legend.entries.map((e) => `${e.label} ${e.count} ${e.color}`),
    ["-∞ 1 #440154", "2 – 4 2 ", "∞ 2 #fde725", "missing 2 #b4b8bf"]
  );
  assert.deepEqual(legend.range, [2, 4]);
  assert.deepEqual([...codes], [1, 0, 1, 2, 3, 3, 2]);
  assert.deepEqual(
    values.map((_, i) => rgb(colors, i)),
    [
      [0x44, 0x01, 0x54],
      [0x44, 0x01, 0x54],
      [0xfd, 0xe7, 0x25],
      [0xfd, 0xe7, 0x25],
      [0xb4, 0xb8, 0xbf],
      [0xb4, 0xb8, 0xbf],
      [0xfd, 0xe7, 0x25]
    ]
  );
  const only = pointColoring(data, Float64Array.of(Infinity, NaN, -Infinity), undefined, palettes.light);
  assert.deepEqual(
    only.legend.entries.map((e) => `${e.label} ${e.count}`),
    ["-∞ 1", "∞ 1", "missing 1"]
  );
  assert.deepEqual([...only.codes], [1, 2, 0]);
});

test("pointColoring() keeps its other and missing buckets apart from values named other and missing", () => {
  // Top ten: "other" (5), "missing" (4), then with 2 each '"other"' (a quote sorts before v) and v0…v6; v8 and
  // v9 (1 each) fall into the bucket; one null. Values that read as a bucket show as JSON strings.
  const values = [
    ...Array<string>(5).fill("other"),
    ...Array<string>(4).fill("missing"),
    '"other"',
    '"other"',
    ...Array.from({length: 7}, (_, k) => [`v${k}`, `v${k}`]).flat(),
    "v8",
    "v9",
    null
  ];
  const {entries} = pointColoring(oneColumn(values), {column: "kind"}, undefined, palettes.light).legend;
  assert.deepEqual(
    entries.map((e) => `${e.kind} ${e.label} ${e.count}`),
    [
      'value "other" 5',
      'value "missing" 4',
      'value "\\"other\\"" 2',
      ...Array.from({length: 7}, (_, k) => `value v${k} 2`),
      "other other 2",
      "missing missing 1"
    ]
  );
  assert.equal(new Set(entries.map((e) => e.label)).size, entries.length, "each label once");
});

test("keptHiddenEntries() after a recoloring keeps the other bucket hidden, not a value named other", () => {
  // Eleven values (v0…v9 twice, "other" three times, "z" once): "z" falls into the bucket, entry 10.
  const values = [
    ...Array<string>(3).fill("other"),
    ...Array.from({length: 10}, (_, k) => [`v${k}`, `v${k}`]).flat(),
    "z"
  ];
  const coloring = (values: unknown[]) =>
    pointColoring(oneColumn(values), {column: "kind"}, undefined, palettes.light).legend;
  const before = coloring(values);
  assert.equal(before.entries[10]!.label, "other");
  // One more null: a "missing" entry after the bucket; the bucket is still entry 10, the value "other" entry 0.
  const after = coloring([...values, null]);
  assert.deepEqual([...keptHiddenEntries(before, after, new Set([10]))], [10]);
  assert.deepEqual([...keptHiddenEntries(before, after, new Set([0]))], [0]);
});

test("pointColoring() names a missing clustering or a length mismatch", () => {
  assert.throws(() => pointColoring(data, "cluster", undefined, palettes.light), /needs clusters/);
  assert.throws(() => pointColoring(data, [1, 2], undefined, palettes.light), /2 entries for 3 points/);
});

test("pointFlags() marks highlighted 1, selected 2 and hidden 4", () => {
  assert.deepEqual([...pointFlags(4, [0, 1], Int32Array.of(1, 2), Uint8Array.of(0, 0, 1, 1))], [1, 3, 6, 4]);
});
