import {readFileSync} from "node:fs";

/** test/fixtures/umap/reference.json, written by scripts/umap-reference/record.py from umap-learn 0.5.3. */
export interface UmapReference {
  readonly k: number;
  readonly cases: readonly ReferenceCase[];
  readonly crossCheck: ReferenceCase & {readonly coordinates: string};
  readonly abParams: readonly {spread: number; minDist: number; a: number; b: number}[];
  readonly graph: ReferenceGraph;
}

export interface ReferenceCase {
  readonly nNeighbors: number;
  readonly nComponents: number;
  readonly randomState: number;
  readonly trustworthiness: number;
  readonly knnRecall: number;
  readonly sklearnTrustworthiness: number;
}

/** umap-learn's smooth_knn_dist and fuzzy union on exact neighbours of the first digits. */
export interface ReferenceGraph {
  readonly n: number;
  readonly k: number;
  readonly indices: readonly number[];
  readonly distances: readonly number[];
  readonly sigmas: readonly number[];
  readonly rhos: readonly number[];
  readonly indptr: readonly number[];
  readonly columns: readonly number[];
  readonly weights: readonly number[];
}

export const reference = JSON.parse(
  readFileSync(new URL("../../../fixtures/umap/reference.json", import.meta.url), "utf8")
) as UmapReference;

/** The mean of umap-learn's scores over its random states, for one setting. */
export function referenceMean(
  nNeighbors: number,
  nComponents: number,
  key: "trustworthiness" | "knnRecall"
): number {
  const cases = reference.cases.filter((c) => c.nNeighbors === nNeighbors && c.nComponents === nComponents);
  return cases.reduce((sum, c) => sum + c[key], 0) / cases.length;
}

/** Decodes the base64 little-endian float32 layout stored by record.py. */
export function decodeFloat32(base64: string): Float32Array {
  const bytes = Buffer.from(base64, "base64");
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
