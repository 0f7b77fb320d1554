import {Type, type Vector} from "apache-arrow";
import {numericValues} from "../../dataset/column-values.ts";
import type {DatasetProblem} from "../../dataset/errors.ts";
import {MAX_PROBLEM_ROWS} from "../../dataset/rows-where.ts";

/** Images given as numbers: rows × pixels, NaN for a missing pixel, and which rows have an image. */
export interface PixelArrays {
  readonly numPixels: number;
  /** rows × numPixels, row-major. */
  readonly values: Float64Array;
  readonly has: Uint8Array;
  readonly problems: DatasetProblem[];
}

/** Several numeric columns, one pixel each; a row whose every pixel is null has no image. */
export function fromPixelColumns(columns: readonly Vector[], numRows: number): PixelArrays {
  const numPixels = columns.length;
  const values = new Float64Array(numRows * numPixels);
  const has = new Uint8Array(numRows);
  columns.forEach((column, p) => {
    const pixel = numericValues(column);
    for (let row = 0; row < numRows; ++row) {
      values[row * numPixels + p] = pixel[row]!;
      if (pixel[row] === pixel[row]) has[row] = 1; // not NaN
    }
  });
  return {numPixels, values, has, problems: []};
}

/** A list column, one image per row; every list must have the same length. */
export function fromPixelLists(column: Vector, name: string): PixelArrays {
  const numRows = column.length;
  const has = new Uint8Array(numRows);
  const lists: (ArrayLike<number | bigint | null> | null)[] = [];
  let numPixels = -1;
  const mismatched: number[] = [];
  for (let row = 0; row < numRows; ++row) {
    const list = column.get(row) as Vector | null;
    const items = list ? (list.toArray() as ArrayLike<number | bigint | null>) : null;
    lists.push(items);
    if (!items?.length) continue;
    has[row] = 1;
    if (numPixels < 0) numPixels = items.length;
    else if (items.length !== numPixels && mismatched.length < MAX_PROBLEM_ROWS) mismatched.push(row);
  }
  numPixels = Math.max(numPixels, 0);
  const problems: DatasetProblem[] = mismatched.length
    ? [
        {
          column: name,
          rows: mismatched,
          message: `images of different sizes (the first has ${numPixels} pixels)`
        }
      ]
    : [];
  const values = new Float64Array(numRows * numPixels);
  if (!problems.length)
    lists.forEach((items, row) => {
      for (let p = 0; items && p < items.length; ++p) values[row * numPixels + p] = Number(items[p] ?? NaN);
    });
  return {numPixels, values, has, problems};
}

export function isNumberList(column: Vector): boolean {
  const type = column.type;
  if (type.typeId !== Type.List && type.typeId !== Type.FixedSizeList && type.typeId !== Type.LargeList)
    return false;
  const child = (type as unknown as {children: {type: {typeId: Type}}[]}).children[0]!.type.typeId;
  return child === Type.Int || child === Type.Float;
}
