import {Type, type Vector} from "apache-arrow";
import {isNumeric, isText} from "../../dataset/column-types.ts";
import type {Dataset} from "../../dataset/dataset.ts";
import {DatasetError} from "../../dataset/errors.ts";
import type {EmbeddingColumns} from "../../dataset/schema.ts";
import {EmbedError} from "../errors.ts";
import {inputColumn, wrongType} from "../input-column.ts";
import {presentRows, rowsWarning, type MethodResult} from "../method-result.ts";
import type {EmbedOptions} from "../options.ts";
import {forEachLimited} from "../pool.ts";
import type {Ticker} from "../ticker.ts";
import {decodeImage} from "./decode-image.ts";
import {downsample} from "./downsample.ts";
import {grayscale} from "./grayscale.ts";
import {imageBytes} from "./image-source.ts";
import {fromPixelColumns, fromPixelLists, isNumberList, type PixelArrays} from "./pixel-arrays.ts";

const DEFAULT_SIZE = 8;
/** Images read (fetched, decoded) at once. */
const IMAGES_IN_FLIGHT = 8;
const ROWS_PER_TICK = 64;

/**
 * "pixels": images → grayscale, area-downsampled to size × size, in [0, 1]. From PNG/JPEG bytes, data URLs,
 * URLs or paths (one column), from a list of pixel values per row, or from several pixel columns.
 */
export async function pixelsMethod(
  dataset: Dataset,
  options: EmbedOptions,
  ticker: Ticker
): Promise<{result: MethodResult; columns: Omit<EmbeddingColumns, "vector">}> {
  const size = options.size ?? DEFAULT_SIZE;
  if (!Number.isInteger(size) || size < 1)
    throw new EmbedError("pixels", `size must be a positive integer, not ${size}`);
  if (options.column === undefined && options.columns?.length) {
    const columns = options.columns.map((name) => numericColumn(dataset, name));
    const arrays = fromPixelColumns(columns, dataset.numRows);
    return {result: await fromArrays(dataset, "pixel columns", arrays, size, options, ticker), columns: {}};
  }
  const name = options.column;
  const column = inputColumn(dataset, name, "pixels");
  const type = column.type;
  if (isNumberList(column)) {
    const arrays = fromPixelLists(column, name!);
    if (arrays.problems.length) throw new DatasetError(dataset.source, arrays.problems);
    return {
      result: await fromArrays(dataset, name!, arrays, size, options, ticker),
      columns: {rawData: name!}
    };
  }
  const binary = type.typeId === Type.Binary || type.typeId === Type.LargeBinary;
  if (!binary && !isText(type))
    throw wrongType(dataset, name!, type, "PNG/JPEG bytes, image URLs or paths, or lists of pixel values");
  const result = await fromImages(column, name!, size, ticker, options.remoteImages ?? false);
  if (result.rows.length === 0 && dataset.numRows > column.nullCount)
    throw new DatasetError(dataset.source, [
      {column: name!, message: `no image could be read: ${result.warnings[0]}`}
    ]);
  // URLs are links to the data (Phoenix shows them as images); bytes and data: URLs are the data itself.
  return {result, columns: binary ? {rawData: name!} : {linkToData: name!}};
}

function numericColumn(dataset: Dataset, name: string): Vector {
  const column = inputColumn(dataset, name, "pixels");
  if (!isNumeric(column.type)) throw wrongType(dataset, name, column.type, "numbers, one pixel per column");
  return column;
}

async function fromArrays(
  dataset: Dataset,
  name: string,
  {numPixels, values, has}: PixelArrays,
  size: number,
  options: EmbedOptions,
  ticker: Ticker
): Promise<MethodResult> {
  const [height, width] = options.shape ?? squareShape(dataset, name, numPixels);
  if (height * width !== numPixels)
    throw new EmbedError("pixels", `shape ${height} × ${width} does not fit images of ${numPixels} pixels`);
  let white = options.maxValue ?? 0;
  if (options.maxValue === undefined) for (const value of values) if (value > white) white = value;
  if (!(white > 0)) white = 1;
  const n = dataset.numRows;
  const vectors = new Float32Array(n * size * size);
  const image = new Float64Array(numPixels);
  for (let row = 0; row < n; ++row) {
    if (row % 1000 === 0) await ticker.tick(row / n, "pixels");
    if (!has[row]) continue;
    for (let p = 0; p < numPixels; ++p) {
      const value = values[row * numPixels + p]! / white;
      image[p] = value > 0 ? Math.min(1, value) : 0; // NaN (a missing pixel) and negatives → 0
    }
    downsample(image, height, width, size, vectors, row * size * size);
  }
  await ticker.tick(1, "pixels");
  return {dim: size * size, vectors, rows: presentRows(has), warnings: []};
}

function squareShape(dataset: Dataset, name: string, numPixels: number): [number, number] {
  const side = Math.round(Math.sqrt(numPixels));
  if (side * side === numPixels && side > 0) return [side, side];
  throw new DatasetError(dataset.source, [
    {column: name, message: `images of ${numPixels} pixels are not square (pass "shape": [height, width])`}
  ]);
}

async function fromImages(
  column: Vector,
  name: string,
  size: number,
  ticker: Ticker,
  remoteImages: boolean
): Promise<MethodResult> {
  const n = column.length;
  const dim = size * size;
  const vectors = new Float32Array(n * dim);
  const has = new Uint8Array(n);
  const failed: number[] = [];
  let failures = 0;
  let firstReason = "";
  let done = 0;
  await forEachLimited(n, IMAGES_IN_FLIGHT, async (row) => {
    const value = column.get(row) as unknown;
    if (value !== null && value !== undefined) {
      try {
        const image = await decodeImage(await imageBytes(value, ticker.signal, remoteImages));
        downsample(grayscale(image), image.height, image.width, size, vectors, row * dim);
        has[row] = 1;
      } catch (error) {
        ticker.check(); // an abort is not a bad image
        if (failures++ === 0) firstReason = error instanceof Error ? error.message : String(error);
        failed.push(row);
      }
    }
    if (++done % ROWS_PER_TICK === 0) await ticker.tick(done / n, "pixels");
  });
  await ticker.tick(1, "pixels");
  failed.sort((a, b) => a - b);
  const warnings = failures
    ? [rowsWarning(name, failed, failures, `images could not be read and get no vector: ${firstReason}`)]
    : [];
  return {dim, vectors, rows: presentRows(has), warnings};
}
