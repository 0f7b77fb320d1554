import type {PointCloudData, PointClusters} from "./types.ts";

/**
 * The tooltip of point `i`, as plain lines (the view sets them as text, never as HTML): its dataset and row,
 * its cluster, and the caller's raw data.
 */
export function hoverText(
  data: PointCloudData,
  i: number,
  clusters: PointClusters | undefined,
  rawData: ((pointIndex: number) => unknown) | undefined
): {title: string; cluster: string | null; raw: string | null} {
  const d = data.dataset[i]!;
  const name = data.datasets[d]?.name ?? (d === 0 ? "primary" : "reference");
  const label = clusters?.labels[i];
  const cluster = label === undefined ? null : label < 0 ? "noise" : `cluster ${label}`;
  let raw: string | null = null;
  if (rawData) {
    // The caller's function may throw or return anything; the tooltip says so instead of breaking the hover.
    try {
      const value = rawData(i);
      raw = value === undefined || value === null ? null : String(value);
    } catch (error) {
      raw = `rawData failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return {title: `${name} · row ${data.row[i]}`, cluster, raw};
}

/** A tooltip's lines in one, as a screen reader hears it: "production · row 12, cluster 3, digit 7". */
export const hoverLine = (text: {title: string; cluster: string | null; raw: string | null}): string =>
  [text.title, text.cluster, text.raw].filter((line) => line !== null && line !== "").join(", ");
