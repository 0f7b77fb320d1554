import {categorical, hexToRgb, sequential, type Rgb} from "../colors.ts";
import type {Palette} from "../theme.ts";
import type {ColorBy, PointClusters} from "./types.ts";

/**
 * An RGB color per point (n × 3 bytes, the WebGL color buffer). Throws, naming the mismatch, when the
 * clusters or values do not have one entry per point.
 */
export function pointColors(
  dataset: Uint8Array,
  colorBy: ColorBy,
  clusters: PointClusters | undefined,
  palette: Palette
): Uint8Array {
  const n = dataset.length;
  const colors = new Uint8Array(n * 3);
  const put = (i: number, [r, g, b]: Rgb) => {
    colors[i * 3] = r;
    colors[i * 3 + 1] = g;
    colors[i * 3 + 2] = b;
  };
  const noise = hexToRgb(palette.noise);
  if (colorBy === "dataset") {
    const [primary, reference] = [hexToRgb(palette.primary), hexToRgb(palette.reference)];
    for (let i = 0; i < n; ++i) put(i, dataset[i] === 0 ? primary : reference);
  } else if (colorBy === "cluster") {
    if (!clusters) throw new TypeError('colorBy "cluster" needs clusters (from px.cluster)');
    checkLength("clusters.labels", clusters.labels.length, n);
    const cache = new Map<number, Rgb>();
    for (let i = 0; i < n; ++i) {
      const label = clusters.labels[i]!;
      if (label < 0) put(i, noise);
      else {
        let color = cache.get(label);
        if (!color) cache.set(label, (color = hexToRgb(categorical(label))));
        put(i, color);
      }
    }
  } else {
    checkLength("colorBy values", colorBy.length, n);
    const [low, high] = finiteExtent(colorBy);
    const span = high - low || 1;
    for (let i = 0; i < n; ++i) {
      const value = colorBy[i]!;
      put(i, Number.isFinite(value) ? sequential((value - low) / span) : noise);
    }
  }
  return colors;
}

/** Per point: 1 if highlighted, + 2 if selected (the shader's emphasis flags). */
export function pointFlags(
  n: number,
  highlight: ArrayLike<number> | undefined,
  selected: Int32Array
): Uint8Array {
  const flags = new Uint8Array(n);
  if (highlight) for (let k = 0; k < highlight.length; ++k) if (highlight[k]! < n) flags[highlight[k]!] = 1;
  for (let k = 0; k < selected.length; ++k) flags[selected[k]!]! |= 2;
  return flags;
}

function finiteExtent(values: ArrayLike<number>): [number, number] {
  let [low, high] = [Infinity, -Infinity];
  for (let i = 0; i < values.length; ++i) {
    const value = values[i]!;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return low <= high ? [low, high] : [0, 1];
}

function checkLength(what: string, length: number, n: number): void {
  if (length !== n) throw new RangeError(`${what} has ${length} entries for ${n} points`);
}
