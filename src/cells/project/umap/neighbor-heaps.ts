/** Where neighbours are offered: a NeighborHeaps, or a thread's buffer of offers to apply later (threads/offers.ts). */
export interface HeapTarget {
  /** The largest distance row i keeps (+∞ until it is full): a candidate must beat it. */
  worst(row: number): number;
  /** Offers neighbour j at distance d to row i; returns 1 if kept, 0 if too far or already there. */
  push(row: number, j: number, distance: number, isNew: number): number;
}

/**
 * One bounded max-heap of neighbours per point, all in flat typed arrays: row i owns slots [i·k, i·k + k),
 * its root (slot i·k) is the farthest neighbour kept. Empty slots hold index -1 and distance +∞. A flag
 * per slot marks neighbours that NN-descent has not yet joined ("new").
 */
export class NeighborHeaps implements HeapTarget {
  readonly indices: Int32Array;
  readonly distances: Float32Array;
  readonly isNew: Uint8Array;

  /**
   * Empty heaps of n rows × k slots; `arrays` (from a `sharedHeapArrays`, say) are used as they are instead
   * of new ones.
   */
  constructor(
    readonly n: number,
    readonly k: number,
    arrays?: HeapArrays
  ) {
    this.indices = arrays?.indices ?? new Int32Array(n * k).fill(-1);
    this.distances = arrays?.distances ?? new Float32Array(n * k).fill(Infinity);
    this.isNew = arrays?.isNew ?? new Uint8Array(n * k);
  }

  /** The arrays behind the heaps, to hand to another thread when they are shared. */
  get arrays(): HeapArrays {
    return {indices: this.indices, distances: this.distances, isNew: this.isNew};
  }

  /** Empties every row. */
  clear(): void {
    this.indices.fill(-1);
    this.distances.fill(Infinity);
    this.isNew.fill(0);
  }

  /** The largest distance row i keeps (+∞ until it is full): a candidate must beat it. */
  worst(row: number): number {
    return this.distances[row * this.k]!;
  }

  /** Offers neighbour j at distance d to row i; returns 1 if kept, 0 if too far or already there. */
  push(row: number, j: number, distance: number, isNew: number): number {
    const k = this.k;
    const base = row * k;
    const dist = this.distances;
    const idx = this.indices;
    const d = Math.fround(distance);
    if (!(d < dist[base]!)) return 0;
    for (let s = base, end = base + k; s < end; ++s) if (idx[s] === j) return 0;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= k) break;
      const right = left + 1;
      const child = right < k && dist[base + right]! > dist[base + left]! ? right : left;
      if (!(dist[base + child]! > d)) break;
      dist[base + i] = dist[base + child]!;
      idx[base + i] = idx[base + child]!;
      this.isNew[base + i] = this.isNew[base + child]!;
      i = child;
    }
    dist[base + i] = d;
    idx[base + i] = j;
    this.isNew[base + i] = isNew;
    return 1;
  }

  /** Sorts every row by ascending distance (heapsort in place); the heaps are no longer heaps after. */
  sortRows(): void {
    const k = this.k;
    for (let row = 0; row < this.n; ++row) {
      const base = row * k;
      for (let end = k - 1; end > 0; --end) {
        this.swap(base, base + end);
        this.siftDown(base, end);
      }
    }
  }

  private siftDown(base: number, size: number): void {
    const dist = this.distances;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) return;
      const right = left + 1;
      const child = right < size && dist[base + right]! > dist[base + left]! ? right : left;
      if (!(dist[base + child]! > dist[base + i]!)) return;
      this.swap(base + i, base + child);
      i = child;
    }
  }

  private swap(a: number, b: number): void {
    const dist = this.distances;
    const idx = this.indices;
    const flag = this.isNew;
    const d = dist[a]!;
    dist[a] = dist[b]!;
    dist[b] = d;
    const j = idx[a]!;
    idx[a] = idx[b]!;
    idx[b] = j;
    const f = flag[a]!;
    flag[a] = flag[b]!;
    flag[b] = f;
  }
}

/** The three arrays of a NeighborHeaps. */
export interface HeapArrays {
  readonly indices: Int32Array;
  readonly distances: Float32Array;
  readonly isNew: Uint8Array;
}

/** Empty heaps' arrays in SharedArrayBuffers, for threads to share (each writes only the rows it owns). */
export function sharedHeapArrays(n: number, k: number): HeapArrays {
  const shared = (bytes: number) => new SharedArrayBuffer(n * k * bytes);
  return {
    indices: new Int32Array(shared(4)).fill(-1),
    distances: new Float32Array(shared(4)).fill(Infinity),
    isNew: new Uint8Array(shared(1))
  };
}
