/**
 * The baseline: hdbscan-ts (npm), a TypeScript HDBSCAN over arrays of arrays with an n × n distance matrix.
 * It is not a dependency of the project: when it is not installed, the bench says so and times ours alone.
 */

/** The part of hdbscan-ts's API the bench uses. */
export interface HdbscanTs {
  new (params: {minClusterSize: number; minSamples: number}): {fit(data: number[][]): number[]};
}

/** hdbscan-ts's HDBSCAN class, or null when the package is not installed. */
export async function loadHdbscanTs(): Promise<HdbscanTs | null> {
  // A specifier in a variable: the type checker must not require the package to exist.
  const name = "hdbscan-ts";
  try {
    const module = (await import(name)) as {HDBSCAN?: HdbscanTs; default?: {HDBSCAN?: HdbscanTs}};
    return module.HDBSCAN ?? module.default?.HDBSCAN ?? null;
  } catch (error) {
    if ((error as {code?: string}).code === "ERR_MODULE_NOT_FOUND") return null;
    throw error;
  }
}

/** Clusters row-major 3-D points with hdbscan-ts as Phoenix would call HDBSCAN; returns its labels. */
export function runHdbscanTs(
  HDBSCAN: HdbscanTs,
  coordinates: Float32Array,
  minClusterSize: number,
  minSamples: number
): number[] {
  const rows = Array.from({length: coordinates.length / 3}, (_, i) =>
    Array.from(coordinates.subarray(3 * i, 3 * i + 3))
  );
  return new HDBSCAN({minClusterSize, minSamples}).fit(rows);
}
