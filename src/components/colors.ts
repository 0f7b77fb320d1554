import {hsl, interpolateViridis, schemeTableau10} from "d3";

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

// Each later round of the 12 hues, as a lightness from the hue's own: darker, lighter, darker still, lighter
// still (toward black or white, never reaching either).
const ROUNDS: readonly ((l: number) => number)[] = [
  (l) => l,
  (l) => l * 0.62,
  (l) => l + (1 - l) * 0.45,
  (l) => l * 0.4,
  (l) => l + (1 - l) * 0.7
];

/**
 * The color of cluster `id` (≥ 0): the 12 hues, then each again darker, lighter, darker still and lighter
 * still, so that 60 clusters get 60 colors (the digits notebook's default settings give 25; the hues alone
 * made cluster 12 look like cluster 0). Past 60 they repeat.
 */
export function categorical(id: number): string {
  const n = CLUSTER_COLORS.length;
  const base = CLUSTER_COLORS[id % n]!;
  const round = Math.floor(id / n) % ROUNDS.length;
  if (round === 0) return base;
  const color = hsl(base);
  color.l = ROUNDS[round]!(color.l);
  return color.formatHex();
}

/** "#rrggbb" of a color. */
export const rgbToHex = (rgb: Rgb): string => `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;

/** A sequential color for t in [0, 1] (viridis). */
export function sequential(t: number): Rgb {
  const color = interpolateViridis(Math.min(1, Math.max(0, t)));
  // d3's interpolators give "#rrggbb" for viridis.
  return hexToRgb(color);
}
