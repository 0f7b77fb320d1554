import type {SingleLinkage} from "./single-linkage.ts";

/**
 * The last single-linkage tree computed, with what it was computed from. Of HDBSCAN's stages only the
 * condensing and what follows depend on minClusterSize and clusterSelectionEpsilon; the k-d tree, core
 * distances, spanning tree and dendrogram (most of the time: ~75 ms of ~85 at 10k points) depend on the
 * points and minSamples alone. A minClusterSize slider therefore reuses the tree. The points are kept as a
 * copy and compared value by value, so a caller that changes its array in place never gets a stale tree,
 * and a worker that receives the same points as a fresh copy still hits.
 */
interface Entry {
  readonly copy: Float32Array | Float64Array;
  readonly nComponents: number;
  readonly minSamples: number;
  readonly linkage: SingleLinkage;
}

let last: Entry | undefined;

/** The cached tree for these points and minSamples, or null. */
export function cachedLinkage(
  coordinates: Float32Array | Float64Array,
  nComponents: number,
  minSamples: number
): SingleLinkage | null {
  const entry = last;
  if (!entry || entry.nComponents !== nComponents || entry.minSamples !== minSamples) return null;
  const {copy} = entry;
  if (copy.constructor !== coordinates.constructor || copy.length !== coordinates.length) return null;
  for (let i = 0; i < copy.length; ++i) if (copy[i] !== coordinates[i]) return null;
  return entry.linkage;
}

/** Keeps `linkage` as the tree of these points and minSamples (the only entry: the previous one goes). */
export function keepLinkage(
  coordinates: Float32Array | Float64Array,
  nComponents: number,
  minSamples: number,
  linkage: SingleLinkage
): void {
  last = {copy: coordinates.slice(), nComponents, minSamples, linkage};
}
