import type {FuzzyGraph} from "./fuzzy-graph.ts";

/** Connected components: `labels[i]` in [0, count), numbered in order of each component's first point. */
export interface Components {
  readonly count: number;
  readonly labels: Int32Array;
}

export function connectedComponents({n, indptr, indices}: FuzzyGraph): Components {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; ++i) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < n; ++i) {
    for (let e = indptr[i]!; e < indptr[i + 1]!; ++e) {
      const a = find(i);
      const b = find(indices[e]!);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const labels = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; ++i) {
    const root = find(i);
    if (labels[root] === -1) labels[root] = count++;
    labels[i] = labels[root]!;
  }
  return {count, labels};
}
