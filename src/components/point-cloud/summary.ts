import {formatCount, formatCountOf} from "../view.ts";
import {pointCount, type PointCloudData} from "./types.ts";

// Counting a few hundred thousand points on every render would add up; the dataset array identifies them.
const primaryCounts = new WeakMap<Uint8Array, number>();

function primaryCount(dataset: Uint8Array): number {
  let count = primaryCounts.get(dataset);
  if (count === undefined) {
    count = 0;
    for (let i = 0; i < dataset.length; ++i) if (dataset[i] === 0) ++count;
    primaryCounts.set(dataset, count);
  }
  return count;
}

/** The point cloud in a line: "1,000 points in 2-D (production 500, training 500), 3 selected". */
export function pointCloudSummary(data: PointCloudData | undefined, selected: number): string {
  if (!data) return "Point cloud: no projection";
  const n = pointCount(data);
  const primary = primaryCount(data.dataset);
  const names = data.datasets
    .map((d, k) => `${d.name} ${formatCount(k === 0 ? primary : n - primary)}`)
    .join(", ");
  return `${formatCountOf(n, "point")} in ${data.nComponents}-D (${names}), ${formatCount(selected)} selected`;
}

/** What the view says in place of the points, or null when it draws them. */
export function pointCloudState(
  data: PointCloudData | undefined,
  error: string | null,
  contextLost: boolean
): string | null {
  if (!data) return "Waiting for a projection…";
  if (error) return `Cannot draw the points: ${error}`;
  if (pointCount(data) === 0) return "No points to draw.";
  if (contextLost) return "The graphics context was lost; the points come back when the browser restores it.";
  return null;
}
