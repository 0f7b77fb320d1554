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
