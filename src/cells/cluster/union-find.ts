/** Disjoint sets over 0 … size − 1: union by rank, find with path halving. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly rank: Uint8Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    this.rank = new Uint8Array(size);
    for (let i = 0; i < size; ++i) this.parent[i] = i;
  }

  /** The representative of x's set. */
  find(x: number): number {
    const parent = this.parent;
    while (parent[x]! !== x) {
      const grandparent = parent[parent[x]!]!;
      parent[x] = grandparent;
      x = grandparent;
    }
    return x;
  }

  /** Joins the sets of x and y; false when they were already one. */
  union(x: number, y: number): boolean {
    let a = this.find(x);
    let b = this.find(y);
    if (a === b) return false;
    if (this.rank[a]! < this.rank[b]!) [a, b] = [b, a];
    this.parent[b] = a;
    if (this.rank[a] === this.rank[b]) ++this.rank[a]!;
    return true;
  }
}
