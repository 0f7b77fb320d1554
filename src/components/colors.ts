import {interpolateViridis, schemeTableau10} from "d3";

/** An RGB color, each channel 0–255. */
export type Rgb = readonly [number, number, number];

/** "#rrggbb" (or "#rgb") as channels. */
export function hexToRgb(hex: string): Rgb {
  const digits = hex.replace(/^#/, "");
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  const n = Number.parseInt(full, 16);
  if (full.length !== 6 || Number.isNaN(n)) throw new RangeError(`not a hex color: ${JSON.stringify(hex)}`);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

// Tableau 10 without its grey, which would read as noise, and three more hues.
const CLUSTER_COLORS = [
  ...schemeTableau10.filter((color) => color !== "#bab0ab"),
  "#17becf",
  "#bcbd22",
  "#6b6ecf"
];

/** The color of cluster `id` (≥ 0), cycling through 12 hues. */
export const categorical = (id: number): string => CLUSTER_COLORS[id % CLUSTER_COLORS.length]!;

/** A sequential color for t in [0, 1] (viridis). */
export function sequential(t: number): Rgb {
  const color = interpolateViridis(Math.min(1, Math.max(0, t)));
  // d3's interpolators give "#rrggbb" for viridis.
  return hexToRgb(color);
}
