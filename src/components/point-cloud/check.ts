import {COLOR_BY_NAMES, columnChoices, datasetColumns, labelColumns} from "./column-values.ts";
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
  const {clusters, highlight} = options;
  checkColorBy(data, options.colorBy ?? "dataset", clusters);
  if (clusters && clusters.labels.length !== n)
    throw new RangeError(`clusters have ${clusters.labels.length} labels for ${n} points`);
  if (highlight)
    for (let k = 0; k < highlight.length; ++k)
      if (!(highlight[k]! >= 0 && highlight[k]! < n))
        throw new RangeError(`highlight has point ${highlight[k]}, outside 0…${n - 1}`);
}

/**
 * Throws unless `colorBy` is one of the choices and the data has what it reads: clusters, label columns, the
 * column named, or one number per point. The message lists the choices.
 */
export function checkColorBy(
  data: PointCloudData,
  colorBy: ColorBy,
  clusters: PointClusters | undefined
): void {
  const has = (columns: readonly unknown[]) => columns.some((c) => c !== null);
  if (typeof colorBy === "string") {
    if (!(COLOR_BY_NAMES as readonly string[]).includes(colorBy)) throw unknownColorBy(data, colorBy);
    if (colorBy === "cluster" && !clusters)
      throw new TypeError('colorBy "cluster" needs clusters (from px.cluster)');
    const labels = colorBy === "correctness" ? (["predictionLabel", "actualLabel"] as const) : [];
    for (const kind of colorBy === "predictionLabel" || colorBy === "actualLabel" ? [colorBy] : labels)
      if (!has(labelColumns(data, kind)))
        throw new RangeError(`colorBy ${JSON.stringify(colorBy)} needs datasets with a ${kind} column`);
    return;
  }
  if (colorBy && typeof colorBy === "object" && "column" in colorBy) {
    if (typeof colorBy.column !== "string" || !has(datasetColumns(data, colorBy.column)))
      throw unknownColorBy(data, colorBy);
    return;
  }
  if (!colorBy || typeof (colorBy as ArrayLike<number>).length !== "number")
    throw unknownColorBy(data, colorBy);
  if (colorBy.length !== data.dataset.length)
    throw new RangeError(`colorBy has ${colorBy.length} values for ${data.dataset.length} points`);
}

function unknownColorBy(data: PointCloudData, colorBy: unknown): RangeError {
  const columns = columnChoices(data);
  const given = typeof colorBy === "string" ? JSON.stringify(colorBy) : safeJson(colorBy);
  const names = COLOR_BY_NAMES.map((name) => JSON.stringify(name)).join(", ");
  const column = columns.length
    ? `{column: NAME} with NAME one of ${columns.map((c) => JSON.stringify(c)).join(", ")}`
    : "{column: NAME} (a column of the datasets' tables)";
  return new RangeError(`unknown colorBy: ${given} (expected ${names}, ${column}, or a number per point)`);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
