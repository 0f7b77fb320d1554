import type {DriftSeriesPoint, TimeWindow} from "./timeline-chart.ts";

/**
 * The index of the point whose window a key picks: ArrowRight / ArrowDown the next point after the picked
 * window's end (the first with none picked), ArrowLeft / ArrowUp the one before (the last with none picked),
 * Home and End the first and last. Null for other keys or an empty series.
 */
export function stepWindow(
  series: readonly DriftSeriesPoint[],
  picked: TimeWindow | null,
  key: string
): number | null {
  const last = series.length - 1;
  if (last < 0) return null;
  if (key === "Home") return 0;
  if (key === "End") return last;
  const forward = key === "ArrowRight" || key === "ArrowDown";
  if (!forward && key !== "ArrowLeft" && key !== "ArrowUp") return null;
  if (!picked) return forward ? 0 : last;
  // The point the picked window ends at (or the last one before its end).
  let at = -1;
  while (at < last && series[at + 1]!.timestamp <= picked.end) ++at;
  return Math.min(last, Math.max(0, forward ? at + 1 : at - 1));
}
