import * as Plot from "@observablehq/plot";
import type {FeatureDrift} from "../../index.ts";
import type {Palette} from "../theme.ts";

interface BinShare {
  readonly bin: string;
  readonly dataset: string;
  readonly share: number;
}

/**
 * Primary against reference: each bin's share of its dataset's rows, side by side. Bins empty on both sides
 * are left out, as the divergence leaves them out.
 */
export function binShares(drift: FeatureDrift, names: readonly [string, string]): BinShare[] {
  const {labels, primary, reference} = drift.bins;
  const total = (counts: Float64Array) => counts.reduce((sum, c) => sum + c, 0) || 1;
  const [p, q] = [total(primary), total(reference)];
  return labels.flatMap((bin, i) =>
    primary[i] || reference[i]
      ? [
          {bin, dataset: names[0], share: primary[i]! / p},
          {bin, dataset: names[1], share: reference[i]! / q}
        ]
      : []
  );
}

// No digit grouping: "1,234" would read as two numbers inside "[1234, 2000)".
const short = new Intl.NumberFormat("en-US", {maximumSignificantDigits: 3, useGrouping: false});

/** A bin label with its numbers cut to 3 significant digits: "[0.0648447621, 0.11987)" → "[0.0648, 0.12)". */
export const shortBinLabel = (label: string): string =>
  label.replace(/-?\d+\.\d+(?:e[-+]?\d+)?/gi, (number) => short.format(Number(number)));

/** The bins chart of one feature (Plot grouped bars), in the two dataset colors, with a legend. */
export function binsChart(
  drift: FeatureDrift,
  options: {width: number; names: readonly [string, string]; palette: Palette}
): Element {
  const {width, names, palette} = options;
  const data = binShares(drift, names);
  // Bins are keyed by their full label (short labels may coincide) and shown by their short one.
  const bins = [...new Set(data.map((d) => d.bin))];
  const longest = Math.max(0, ...bins.map((bin) => shortBinLabel(bin).length));
  const crowded = longest * 7 > (width - 60) / Math.max(1, bins.length);
  return Plot.plot({
    width,
    height: 240 + (crowded ? longest * 4 : 0),
    marginBottom: 40 + (crowded ? longest * 4 : 0),
    style: {background: "transparent", color: palette.foreground},
    fx: {domain: bins, label: drift.feature, tickRotate: crowded ? -35 : 0, tickFormat: shortBinLabel},
    x: {axis: null, domain: names, paddingInner: 0.1},
    y: {label: "share of rows", tickFormat: "%", grid: true, nice: true},
    color: {domain: names, range: [palette.primary, palette.reference], legend: true},
    marks: [Plot.barY(data, {fx: "bin", x: "dataset", y: "share", fill: "dataset"}), Plot.ruleY([0])]
  });
}
