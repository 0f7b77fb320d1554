import * as Plot from "@observablehq/plot";
import type {Palette} from "../theme.ts";
import {formatCountOf} from "../view.ts";

/** A point of a drift time series: a window's end (epoch ms), its drift (null: an empty window), its rows. */
export interface DriftSeriesPoint {
  /** The window's end, epoch ms. */
  readonly timestamp: number;
  /** The window's start, epoch ms (px's series give it): the rows the drift measures. */
  readonly start?: number;
  /** The drift; null for an empty window (a gap in the line). */
  readonly value: number | null;
  /** Rows in the window. */
  readonly count: number;
}

/** A picked time window, epoch ms, end exclusive. */
export interface TimeWindow {
  /** Epoch ms, inclusive. */
  readonly start: number;
  /** Epoch ms, exclusive. */
  readonly end: number;
}

const time = (d: DriftSeriesPoint) => new Date(d.timestamp);

/** The line chart of a drift series (nulls break the line), with the picked window as a band behind it. */
export function timelineChart(
  series: readonly DriftSeriesPoint[],
  options: {width: number; height: number; label: string; palette: Palette; window: TimeWindow | null}
): SVGSVGElement & Plot.Plot {
  const {width, height, label, palette, window} = options;
  return Plot.plot({
    width,
    height,
    marginLeft: 48,
    style: {background: "transparent", color: palette.foreground},
    x: {type: "utc", label: null},
    y: {label, grid: true, zero: true},
    marks: [
      window
        ? Plot.rect([window], {
            x1: (w: TimeWindow) => new Date(w.start),
            x2: (w: TimeWindow) => new Date(w.end),
            fill: palette.primary,
            fillOpacity: 0.15
          })
        : null,
      Plot.lineY(series, {x: time, y: "value", stroke: palette.primary, strokeWidth: 1.5}),
      Plot.dot(series, {
        x: time,
        y: "value",
        fill: palette.primary,
        r: 2.5,
        title: (d: DriftSeriesPoint) => `${d.value ?? "no rows"} (${formatCountOf(d.count, "row")})`
      })
    ]
  }) as SVGSVGElement & Plot.Plot;
}
