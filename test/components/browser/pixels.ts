import {decode} from "fast-png";
import {hexToRgb} from "../../../src/components/colors.ts";

/** How many pixels of a PNG screenshot are within `tolerance` (per channel) of each color. */
export function countColors(png: Uint8Array, colors: readonly string[], tolerance = 10): number[] {
  const {data, channels} = decode(png);
  const targets = colors.map(hexToRgb);
  const counts = colors.map(() => 0);
  for (let i = 0; i < data.length; i += channels)
    targets.forEach(([r, g, b], k) => {
      if (
        Math.abs(data[i]! - r) <= tolerance &&
        Math.abs(data[i + 1]! - g) <= tolerance &&
        Math.abs(data[i + 2]! - b) <= tolerance
      )
        ++counts[k]!;
    });
  return counts;
}

/** How many pixels differ between two PNG screenshots of the same size. */
export function changedPixels(a: Uint8Array, b: Uint8Array): number {
  const [x, y] = [decode(a), decode(b)];
  let changed = 0;
  for (let i = 0; i < x.data.length; i += x.channels)
    if (x.data[i] !== y.data[i] || x.data[i + 1] !== y.data[i + 1] || x.data[i + 2] !== y.data[i + 2])
      ++changed;
  return changed;
}
