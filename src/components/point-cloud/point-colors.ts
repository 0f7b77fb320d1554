import {categorical, hexToRgb, rgbToHex, sequential, type Rgb} from "../colors.ts";
import type {Palette} from "../theme.ts";
import {countedCategories, topCategories, type Categories, type LegendEntry} from "./categories.ts";
import {datasetColumns, labelColumns, pointValues} from "./column-values.ts";
import type {ColorBy, PointCloudData, PointClusters} from "./types.ts";

/** What the legend shows: a title, its entries (values or a range, with counts) and, for numbers, the range. */
export interface PointLegend {
  /** What the colors mean: "dataset", "cluster", a column's name, … */
  readonly title: string;
  /** Each color with its count; for numbers, the range as one entry (between "-∞" and "∞", then "missing"). */
  readonly entries: readonly LegendEntry[];
  /** For numbers: the smallest and largest finite value, drawn as a ramp. Null for categories. */
  readonly range: readonly [number, number] | null;
}

/** A coloring: the WebGL color buffer (n × 3 bytes), per point its legend entry, and the legend. */
export interface PointColoring {
  readonly colors: Uint8Array;
  readonly codes: Int32Array;
  readonly legend: PointLegend;
}

// Correct in green, incorrect in red (Tableau 10's), as Phoenix shows correctness.
const CORRECT = "#59a14f";
const INCORRECT = "#e15759";

/**
 * The colors of the points for `colorBy`, with the legend and per point its entry (so that a legend click can
 * hide those points). Throws, naming the mismatch, where the data cannot give the colors asked for.
 */
export function pointColoring(
  data: PointCloudData,
  colorBy: ColorBy,
  clusters: PointClusters | undefined,
  palette: Palette
): PointColoring {
  const n = data.dataset.length;
  if (typeof colorBy !== "string" && !("column" in colorBy)) {
    checkLength("colorBy values", colorBy.length, n);
    return numberColoring("value", Float64Array.from(colorBy), palette);
  }
  if (typeof colorBy !== "string") {
    const values = pointValues(data, datasetColumns(data, colorBy.column));
    const numeric = values.every((v) => v === null || typeof v === "number" || typeof v === "bigint");
    if (numeric && values.some((v) => v !== null))
      return numberColoring(colorBy.column, Float64Array.from(values, toNumber), palette);
    return categoryColoring(colorBy.column, topCategories(values, palette));
  }
  switch (colorBy) {
    case "dataset":
      return categoryColoring(
        "dataset",
        countedCategories(
          Int32Array.from(data.dataset),
          data.datasets.map((d, k) => ({
            label: d.name,
            color: k === 0 ? palette.primary : palette.reference
          }))
        )
      );
    case "cluster":
      return categoryColoring("cluster", clusterCategories(clusters, n, palette));
    case "correctness":
      return categoryColoring("correctness", correctness(data, palette));
    case "predictionLabel":
    case "actualLabel":
      return categoryColoring(
        colorBy,
        topCategories(pointValues(data, labelColumns(data, colorBy)), palette)
      );
  }
}

function clusterCategories(clusters: PointClusters | undefined, n: number, palette: Palette): Categories {
  if (!clusters) throw new TypeError('colorBy "cluster" needs clusters (from px.cluster)');
  const {labels} = clusters;
  checkLength("clusters.labels", labels.length, n);
  const ids = [...new Set(labels)].filter((id) => id >= 0).sort((a, b) => a - b);
  const entryOf = new Map(ids.map((id, k) => [id, k]));
  const noise = ids.length;
  const codes = Int32Array.from(labels, (id) => entryOf.get(id) ?? noise);
  const entries = ids.map((id) => ({label: `cluster ${id}`, color: categorical(id)}));
  const categories = countedCategories(codes, [...entries, {label: "noise", color: palette.noise}]);
  // Leave "noise" out of the legend when every point is in a cluster.
  const last = categories.entries.at(-1);
  return last?.count ? categories : {...categories, entries: categories.entries.slice(0, -1)};
}

// Correct where the prediction label equals the actual label (as text, so 3 and "3" agree); missing where
// either is null.
function correctness(data: PointCloudData, palette: Palette): Categories {
  const predicted = pointValues(data, labelColumns(data, "predictionLabel"));
  const actual = pointValues(data, labelColumns(data, "actualLabel"));
  const codes = Int32Array.from(predicted, (p, i) => {
    const a = actual[i];
    if (p === null || a === null) return 2;
    return String(p) === String(a) ? 0 : 1;
  });
  const counted = countedCategories(codes, [
    {label: "correct", color: CORRECT},
    {label: "incorrect", color: INCORRECT},
    {label: "missing", color: palette.noise, kind: "missing"}
  ]);
  return counted.entries[2]!.count ? counted : {...counted, entries: counted.entries.slice(0, 2)};
}

function categoryColoring(title: string, {entries, codes}: Categories): PointColoring {
  const rgb = entries.map((e) => hexToRgb(e.color));
  const colors = new Uint8Array(codes.length * 3);
  for (let i = 0; i < codes.length; ++i) put(colors, i, rgb[codes[i]!]!);
  return {colors, codes, legend: {title, entries, range: null}};
}

// Where a number falls in the legend of numbers (its slots in the legend's order): −∞, finite, ∞, missing.
const [NEGATIVE_INFINITY, FINITE, POSITIVE_INFINITY, MISSING] = [0, 1, 2, 3];

const numberSlot = (value: number): number =>
  Number.isNaN(value)
    ? MISSING
    : value === -Infinity
      ? NEGATIVE_INFINITY
      : value === Infinity
        ? POSITIVE_INFINITY
        : FINITE;

/**
 * Numbers on viridis from the smallest to the largest finite value. ±∞ are numbers, not missing: they take the
 * scale's ends (−∞ the low color, ∞ the high), where the clamped scale puts them, and the legend lists them
 * apart ("-∞", "∞") so that no reader takes them for the range's finite ends. NaN (missing) is grey.
 */
function numberColoring(title: string, values: Float64Array, palette: Palette): PointColoring {
  const [low, high] = finiteExtent(values);
  const span = high - low || 1;
  const noise = hexToRgb(palette.noise);
  const colors = new Uint8Array(values.length * 3);
  const slots = new Uint8Array(values.length);
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < values.length; ++i) {
    const value = values[i]!;
    const slot = numberSlot(value);
    // sequential() clamps to [0, 1]: ±∞ land on the ends.
    put(colors, i, slot === MISSING ? noise : sequential((value - low) / span));
    slots[i] = slot;
    ++counts[slot]!;
  }
  const slotEntries: LegendEntry[] = [
    {label: formatNumber(-Infinity), color: rgbToHex(sequential(0)), count: 0, kind: "value"},
    {label: `${formatNumber(low)} – ${formatNumber(high)}`, color: "", count: 0, kind: "range"},
    {label: formatNumber(Infinity), color: rgbToHex(sequential(1)), count: 0, kind: "value"},
    {label: "missing", color: palette.noise, count: 0, kind: "missing"}
  ];
  // Slot → entry index, leaving out the empty slots.
  const entryOf = new Int32Array(slotEntries.length);
  const entries: LegendEntry[] = [];
  slotEntries.forEach((entry, slot) => {
    entryOf[slot] = entries.length;
    if (counts[slot]) entries.push({...entry, count: counts[slot]!});
  });
  const codes = Int32Array.from(slots, (slot) => entryOf[slot]!);
  const range = counts[FINITE] ? ([low, high] as const) : null;
  return {colors, codes, legend: {title, entries, range}};
}

/** Per point: 1 if highlighted, + 2 if selected, + 4 if hidden (the shader's flags). */
export function pointFlags(
  n: number,
  highlight: ArrayLike<number> | undefined,
  selected: Int32Array,
  hidden?: Uint8Array
): Uint8Array {
  const flags = new Uint8Array(n);
  if (highlight) for (let k = 0; k < highlight.length; ++k) if (highlight[k]! < n) flags[highlight[k]!] = 1;
  for (let k = 0; k < selected.length; ++k) flags[selected[k]!]! |= 2;
  if (hidden) for (let i = 0; i < n; ++i) if (hidden[i]) flags[i]! |= 4;
  return flags;
}

const toNumber = (v: unknown): number => (v === null ? NaN : Number(v));

const formatNumber = (x: number): string => x.toLocaleString("en-US", {maximumSignificantDigits: 4});

function put(colors: Uint8Array, i: number, [r, g, b]: Rgb): void {
  colors[i * 3] = r;
  colors[i * 3 + 1] = g;
  colors[i * 3 + 2] = b;
}

function finiteExtent(values: ArrayLike<number>): [number, number] {
  let [low, high] = [Infinity, -Infinity];
  for (let i = 0; i < values.length; ++i) {
    const value = values[i]!;
    if (!Number.isFinite(value)) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return low <= high ? [low, high] : [0, 1];
}

function checkLength(what: string, length: number, n: number): void {
  if (length !== n) throw new RangeError(`${what} has ${length} entries for ${n} points`);
}
