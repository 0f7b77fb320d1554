import type {PointCloudData, PointClusters} from "./types.ts";

/**
 * The most characters (UTF-16 units) of raw data a tooltip holds: a text dataset's row may be a whole
 * document, and the tooltip is a glance at a point (the selection table has the full text). The styles also
 * clamp it to a few lines, but the cut keeps 15,000 characters out of the page and out of what the status
 * role reads aloud.
 */
export const RAW_TEXT_LIMIT = 300;

/**
 * The tooltip of point `i`, as plain lines (the view sets them as text, never as HTML): its dataset and row,
 * its cluster, and the caller's raw data (cut to RAW_TEXT_LIMIT characters with an ellipsis).
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
      raw = value === undefined || value === null ? null : cut(String(value));
    } catch (error) {
      raw = `rawData failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return {title: `${name} · row ${data.row[i]}`, cluster, raw};
}

/** A tooltip's lines in one, as a screen reader hears it: "production · row 12, cluster 3, digit 7". */
export const hoverLine = (text: {title: string; cluster: string | null; raw: string | null}): string =>
  [text.title, text.cluster, text.raw].filter((line) => line !== null && line !== "").join(", ");

/** `text`, or its first RAW_TEXT_LIMIT − 1 units and "…" when longer: never half of a surrogate pair. */
function cut(text: string): string {
  if (text.length <= RAW_TEXT_LIMIT) return text;
  let end = RAW_TEXT_LIMIT - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
