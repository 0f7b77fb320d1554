import type {NeighborHeaps} from "../neighbor-heaps.ts";

/**
 * NN-descent's candidate sampling (`sampleRows` over every row) as seen by the thread that owns rows [from, to):
 * it reads every row's neighbours but pushes only into its own rows of `fresh` and `old`, so threads never
 * write the same row. The random priority of neighbour slot s is a hash of (seed, s) rather than the next
 * draw of a stream, so that both ends of a pair see the same priority whichever thread handles them, and the
 * candidates come out the same whatever the number of threads.
 */
export function sampleOwnedRows(
  heaps: NeighborHeaps,
  fresh: NeighborHeaps,
  old: NeighborHeaps,
  seed: number,
  from: number,
  to: number
): void {
  const {n, k, indices, isNew} = heaps;
  for (let i = 0; i < n; ++i) {
    const ownRow = i >= from && i < to;
    for (let s = i * k, end = s + k; s < end; ++s) {
      const j = indices[s]!;
      if (j < 0 || j === i) continue;
      const ownNeighbor = j >= from && j < to;
      if (!ownRow && !ownNeighbor) continue;
      const priority = slotPriority(seed, s);
      const target = isNew[s] ? fresh : old;
      if (ownRow && priority < target.worst(i)) target.push(i, j, priority, 0);
      if (ownNeighbor && priority < target.worst(j)) target.push(j, i, priority, 0);
    }
  }
}

/** A uniform number in [0, 1) from (seed, slot): MurmurHash3's 32-bit finalizer. */
export function slotPriority(seed: number, slot: number): number {
  let h = (seed ^ Math.imul(slot, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}
