import {NeighborHeaps} from "./neighbor-heaps.ts";
import type {StageRun} from "./stage-run.ts";
import type {VectorStore} from "./vector-store.ts";

/** Rows per tile: two tiles of 64 rows × 384 floats stay within a core's L2 cache. */
const TILE = 64;

/**
 * Exact k nearest neighbours (squared Euclidean, the point itself included at distance 0) by brute force
 * over tiles of row pairs, each pair computed once and offered to both rows.
 */
export async function exactKnn(store: VectorStore, k: number, run: StageRun): Promise<NeighborHeaps> {
  const n = store.n;
  const heaps = new NeighborHeaps(n, k);
  for (let i = 0; i < n; ++i) heaps.push(i, i, 0, 0);
  const totalPairs = (n * (n - 1)) / 2;
  let pairsDone = 0;
  for (let rowStart = 0; rowStart < n; rowStart += TILE) {
    const rowEnd = Math.min(n, rowStart + TILE);
    for (let colStart = rowStart; colStart < n; colStart += TILE) {
      const colEnd = Math.min(n, colStart + TILE);
      for (let i = rowStart; i < rowEnd; ++i) {
        for (let j = Math.max(colStart, i + 1); j < colEnd; ++j) {
          const d = store.distance(i, j);
          if (d < heaps.worst(i)) heaps.push(i, j, d, 0);
          if (d < heaps.worst(j)) heaps.push(j, i, d, 0);
        }
      }
    }
    const rows = rowEnd - rowStart;
    pairsDone += rows * (n - rowStart) - (rows * (rows + 1)) / 2;
    run.report(pairsDone / totalPairs);
    await run.check();
  }
  return heaps;
}
