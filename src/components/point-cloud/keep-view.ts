import {fitCamera, type Camera} from "./camera.ts";
import {normalizeSelection} from "./selection.ts";
import {pointCount, type PointCloudData} from "./types.ts";

/** How far a new extent may differ from the old one (as a share of the old radius) for the camera to stay. */
const SIMILAR = 0.25;

/**
 * The camera for new points that replace `old` ones: the reader's camera, kept, when the new points' fitted
 * extent is close to the old one's (a recomputed projection, a few more samples), else the fitted camera.
 */
export function keptCamera(camera: Camera, old: PointCloudData, data: PointCloudData): Camera {
  const fitted = fitCamera(data.coordinates, data.nComponents);
  if (old.nComponents !== data.nComponents || fitted.kind !== camera.kind) return fitted;
  const before = fitCamera(old.coordinates, old.nComponents);
  const [a, b] = [centerOf(before), centerOf(fitted)];
  const shift = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
  const similar =
    Math.abs(fitted.radius - before.radius) <= SIMILAR * before.radius && shift <= SIMILAR * before.radius;
  return similar ? camera : fitted;
}

const centerOf = (camera: Camera): [number, number, number] =>
  camera.kind === "2d" ? [camera.center[0], camera.center[1], 0] : [...camera.target];

/** Whether two sets of points name the same rows in the same order (a recomputed projection of them). */
export function samePoints(a: PointCloudData, b: PointCloudData): boolean {
  if (a.dataset === b.dataset && a.row === b.row) return true;
  if (a.row.length !== b.row.length) return false;
  for (let i = 0; i < a.row.length; ++i)
    if (a.row[i] !== b.row[i] || a.dataset[i] !== b.dataset[i]) return false;
  return true;
}

/**
 * Point indices of `old` as indices of `data`: each point's (dataset, row) looked up among the new points;
 * those no longer projected are dropped. Ascending.
 */
export function remapPoints(indices: Int32Array, old: PointCloudData, data: PointCloudData): Int32Array {
  if (!indices.length) return indices;
  const key = (d: number, row: number) => row * 2 + d;
  const where = new Map<number, number>();
  for (let i = 0; i < data.row.length; ++i) where.set(key(data.dataset[i]!, data.row[i]!), i);
  const kept: number[] = [];
  for (const i of indices) {
    const j = where.get(key(old.dataset[i]!, old.row[i]!));
    if (j !== undefined) kept.push(j);
  }
  return Int32Array.from(kept).sort();
}

/** What the reader did to a view of points that a new projection keeps, besides the selection (keptSelection). */
export interface ReaderState {
  /** The camera; undefined for the one fitted to the points. */
  readonly camera: Camera | undefined;
  /** The hovered point's index, or −1. */
  readonly hovered: number;
}

/**
 * The reader's state over new points `data` that replace `old` (none at first): of the same points, everything
 * stays; of others, the hover follows its row, and the camera stays if the extent is about the same.
 */
export function keptState(
  old: PointCloudData | undefined,
  data: PointCloudData,
  state: ReaderState
): ReaderState {
  const camera = state.camera && old ? keptCamera(state.camera, old, data) : undefined;
  return {camera, hovered: keptPoint(old, data, state.hovered)};
}

/**
 * Point i of `old` (−1: none) among new points `data`: the same index over the same points, else the index of
 * its row, else −1 (its row is no longer projected).
 */
export function keptPoint(old: PointCloudData | undefined, data: PointCloudData, i: number): number {
  if (!old || i < 0 || samePoints(old, data)) return i;
  return remapPoints(Int32Array.of(i), old, data)[0] ?? -1;
}

/**
 * The selected point indices (ascending) over new points `data` that replace `old` (none at first): of the
 * same points, they stay; of others, they follow their rows, and those no longer projected are dropped. Only
 * indices of `data` are kept.
 */
export function keptSelection(
  old: PointCloudData | undefined,
  data: PointCloudData,
  value: Int32Array
): Int32Array {
  const followed = old && !samePoints(old, data) ? remapPoints(value, old, data) : value;
  return normalizeSelection(followed, pointCount(data));
}
