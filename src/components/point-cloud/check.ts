import type {ColorBy, PointCloudData, PointClusters} from "./types.ts";

/**
 * Throws, naming the bad value, when the points or their per-point options do not fit together: so that a
 * notebook cell shows the mistake instead of an element that draws nothing.
 *
 * @param data - The projection to draw.
 * @param options - The per-point options to check against it (colorBy, clusters, highlight).
 */
export function checkPointCloud(
  data: PointCloudData,
  options: {colorBy?: ColorBy; clusters?: PointClusters; highlight?: ArrayLike<number>}
): void {
  if (!data || !(data.coordinates instanceof Float32Array))
    throw new TypeError("pointCloud needs a projection (from px.project) with Float32Array coordinates");
  const {coordinates, nComponents, dataset} = data;
  if (nComponents !== 2 && nComponents !== 3)
    throw new RangeError(`nComponents must be 2 or 3 (got ${String(nComponents)})`);
  const n = dataset.length;
  if (coordinates.length !== n * nComponents)
    throw new RangeError(`${coordinates.length} coordinates for ${n} points of ${nComponents} components`);
  const {colorBy = "dataset", clusters, highlight} = options;
  if (typeof colorBy === "string" && colorBy !== "dataset" && colorBy !== "cluster")
    throw new RangeError(
      `unknown colorBy: ${JSON.stringify(colorBy)} (expected "dataset", "cluster" or a number per point)`
    );
  if (colorBy === "cluster" && !clusters)
    throw new TypeError('colorBy "cluster" needs clusters (from px.cluster)');
  if (clusters && clusters.labels.length !== n)
    throw new RangeError(`clusters have ${clusters.labels.length} labels for ${n} points`);
  if (typeof colorBy !== "string" && colorBy.length !== n)
    throw new RangeError(`colorBy has ${colorBy.length} values for ${n} points`);
  if (highlight)
    for (let k = 0; k < highlight.length; ++k)
      if (!(highlight[k]! >= 0 && highlight[k]! < n))
        throw new RangeError(`highlight has point ${highlight[k]}, outside 0…${n - 1}`);
}
