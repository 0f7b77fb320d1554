import type {Dataset} from "../../src/cells/dataset/dataset.ts";
import {resolveProjectOptions} from "../../src/cells/project/options.ts";
import type {Projection} from "../../src/cells/project/projection.ts";

/**
 * A 2-D projection at the origin whose points are the given rows (dataset 0 primary, 1 reference), for tests
 * of what reads a projection's points (cluster summaries, exports) without running UMAP.
 */
export function pointsOf(
  datasets: readonly Dataset[],
  dataset: readonly number[],
  row: readonly number[],
  embedding = "embedding"
): Projection {
  return {
    coordinates: new Float32Array(2 * row.length),
    nComponents: 2,
    dataset: Uint8Array.from(dataset),
    row: Int32Array.from(row),
    datasets,
    embedding,
    options: resolveProjectOptions({embedding, nComponents: 2})
  };
}
