/**
 * The point nearest (x, y) within `radius` CSS pixels, or −1: a linear scan of the screen positions (n × 3,
 * from screenPositions), a few milliseconds for a million points. Among points at the same distance, the one
 * in front wins; points clipped by the near or far plane, and those `hidden` marks, are skipped.
 */
export function nearestPoint(
  screen: Float32Array,
  x: number,
  y: number,
  radius: number,
  hidden?: Uint8Array
): number {
  let best = -1;
  let bestDistance = radius * radius;
  let bestDepth = Infinity;
  for (let i = 0, n = screen.length / 3; i < n; ++i) {
    const dx = screen[i * 3]! - x;
    const dy = screen[i * 3 + 1]! - y;
    const distance = dx * dx + dy * dy;
    const depth = screen[i * 3 + 2]!;
    if (!(distance <= bestDistance) || depth > 1 || depth < -1 || hidden?.[i]) continue;
    if (distance === bestDistance && depth >= bestDepth) continue;
    [best, bestDistance, bestDepth] = [i, distance, depth];
  }
  return best;
}

/** A direction on the canvas, as an arrow key names it. */
export type ScreenDirection = "left" | "right" | "up" | "down";

/** Each direction as a unit step in CSS pixels (+y is down). */
const AXES: Record<ScreenDirection, readonly [number, number]> = {
  left: [-1, 0],
  right: [1, 0],
  up: [0, -1],
  down: [0, 1]
};

/** Whether the point at (x, y, depth) is drawn on a width × height canvas (NaN, behind the camera, is not). */
export const onCanvas = (x: number, y: number, depth: number, width: number, height: number): boolean =>
  x >= 0 && x <= width && y >= 0 && y <= height && depth >= -1 && depth <= 1;

/**
 * The point drawn on a width × height canvas nearest (x, y), or −1 when none is: where the keyboard's point
 * cursor starts (at the canvas's centre). Skips what `hidden` marks; among equals the front one, then the
 * lower index, wins. One pass over the screen positions (n × 3, from screenPositions).
 */
export function nearestOnCanvas(
  screen: Float32Array,
  x: number,
  y: number,
  width: number,
  height: number,
  hidden?: Uint8Array
): number {
  const best = new Nearest();
  for (let i = 0, n = screen.length / 3; i < n; ++i) {
    const px = screen[i * 3]!;
    const py = screen[i * 3 + 1]!;
    const depth = screen[i * 3 + 2]!;
    if (!onCanvas(px, py, depth, width, height) || hidden?.[i]) continue;
    best.offer(i, (px - x) * (px - x) + (py - y) * (py - y), depth);
  }
  return best.index;
}

/**
 * The point the keyboard's point cursor goes to from (x, y) when an arrow key names `direction`: the nearest
 * point drawn on the canvas within 45° of that direction (as far along it as across, or farther), else the
 * nearest anywhere on that side (strictly further along), else −1. Points at the cursor's own place along
 * the direction are never a step. Skips what `hidden` marks; among equals the front one, then the lower
 * index. One pass, no sort: a few milliseconds for a million points.
 */
export function nearestInDirection(
  screen: Float32Array,
  x: number,
  y: number,
  direction: ScreenDirection,
  width: number,
  height: number,
  hidden?: Uint8Array
): number {
  const [ax, ay] = AXES[direction];
  const inCone = new Nearest();
  const onSide = new Nearest();
  for (let i = 0, n = screen.length / 3; i < n; ++i) {
    const px = screen[i * 3]!;
    const py = screen[i * 3 + 1]!;
    const depth = screen[i * 3 + 2]!;
    if (!onCanvas(px, py, depth, width, height) || hidden?.[i]) continue;
    const dx = px - x;
    const dy = py - y;
    const along = dx * ax + dy * ay;
    if (!(along > 0)) continue;
    const across = Math.abs(dx * ay - dy * ax);
    (across <= along ? inCone : onSide).offer(i, dx * dx + dy * dy, depth);
  }
  return inCone.index >= 0 ? inCone.index : onSide.index;
}

/** The best point of a scan in index order: the nearest, then the one in front, then the first. */
class Nearest {
  index = -1;
  distance = Infinity;
  depth = Infinity;

  offer(i: number, distance: number, depth: number): void {
    if (distance > this.distance || (distance === this.distance && depth >= this.depth)) return;
    this.index = i;
    this.distance = distance;
    this.depth = depth;
  }
}

/**
 * The points whose screen positions lie inside a polygon given as [x0, y0, x1, y1, …] (closed implicitly),
 * ascending, leaving out those `hidden` marks. Even–odd rule, with a bounding-box test first so that a small
 * lasso over many points is quick.
 */
export function pointsInPolygon(
  screen: Float32Array,
  polygon: readonly number[],
  hidden?: Uint8Array
): Int32Array {
  const m = polygon.length >> 1;
  if (m < 3) return new Int32Array(0);
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let k = 0; k < m; ++k) {
    const [px, py] = [polygon[2 * k]!, polygon[2 * k + 1]!];
    [left, right, top, bottom] = [
      Math.min(left, px),
      Math.max(right, px),
      Math.min(top, py),
      Math.max(bottom, py)
    ];
  }
  const inside: number[] = [];
  for (let i = 0, n = screen.length / 3; i < n; ++i) {
    const [x, y, depth] = [screen[i * 3]!, screen[i * 3 + 1]!, screen[i * 3 + 2]!];
    if (!(x >= left && x <= right && y >= top && y <= bottom) || depth > 1 || depth < -1 || hidden?.[i])
      continue;
    if (insidePolygon(polygon, m, x, y)) inside.push(i);
  }
  return Int32Array.from(inside);
}

function insidePolygon(polygon: readonly number[], m: number, x: number, y: number): boolean {
  let inside = false;
  for (let k = 0, j = m - 1; k < m; j = k++) {
    const [xk, yk, xj, yj] = [polygon[2 * k]!, polygon[2 * k + 1]!, polygon[2 * j]!, polygon[2 * j + 1]!];
    if (yk > y !== yj > y && x < ((xj - xk) * (y - yk)) / (yj - yk) + xk) inside = !inside;
  }
  return inside;
}
