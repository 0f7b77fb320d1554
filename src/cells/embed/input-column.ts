import type {DataType, Vector} from "apache-arrow";
import type {Dataset} from "../dataset/dataset.ts";
import {DatasetError} from "../dataset/errors.ts";

const COLUMNS_LISTED = 8;

/** The dataset's column of that name, or a DatasetError naming the column and the ones it has. */
export function inputColumn(dataset: Dataset, column: string | undefined, method: string): Vector {
  if (column === undefined)
    throw new DatasetError(dataset.source, [{message: `embed "${method}" needs a column (option "column")`}]);
  const vector = dataset.table.getChild(column) as Vector | null;
  if (vector) return vector;
  const names = dataset.table.schema.fields.map((field) => `"${field.name}"`);
  const listed = names.slice(0, COLUMNS_LISTED).join(", ") + (names.length > COLUMNS_LISTED ? ", …" : "");
  throw new DatasetError(dataset.source, [{message: `unknown column: "${column}" (expected ${listed})`}]);
}

/** The error for a column whose type a method cannot embed. */
export function wrongType(dataset: Dataset, column: string, type: DataType, expected: string): DatasetError {
  return new DatasetError(dataset.source, [{column, message: `cannot embed ${type} (expected ${expected})`}]);
}
