import {
  DataType,
  Precision,
  Table,
  Type,
  Vector,
  type Data,
  type FixedSizeList,
  type List
} from "apache-arrow";
import {DatasetError, type DatasetProblem} from "../errors.ts";
import {VectorBuilder, type VectorData} from "./vector-builder.ts";
import {VectorCells} from "./vector-cells.ts";

/**
 * Gives embedding columns of an Arrow table the shape every reader returns: FixedSizeList<Float32> (List
 * when lengths differ), empty lists null. Lists of floats are converted wherever they are; lists of
 * integers and JSON text only in `vectorColumns`. A column already FixedSizeList<Float32> is kept as it is
 * (no copy); a null element becomes NaN, for validation to name.
 */
export function normalizeVectors(table: Table, name: string, vectorColumns: readonly string[]): Table {
  const problems: DatasetProblem[] = [];
  let changed = false;
  const columns: Record<string, Vector> = {};
  for (const field of table.schema.fields) {
    const column = table.getChild(field.name)!;
    const listed = vectorColumns.includes(field.name);
    let data: VectorData | undefined;
    if (
      isList(field.type) &&
      !isFloat32Vectors(field.type) &&
      (listed || DataType.isFloat(childType(field.type)))
    ) {
      data = fromLists(column as Vector<List | FixedSizeList>);
    } else if (listed && isText(field.type)) {
      const cells = new VectorCells(field.name, column.length);
      for (let row = 0; row < column.length; ++row) cells.push(column.get(row), row);
      data = cells.finish();
      problems.push(...cells.problems());
    }
    changed ||= data !== undefined;
    columns[field.name] = data ? new Vector([data as Data]) : column;
  }
  if (problems.length) throw new DatasetError(name, problems);
  return changed ? new Table(columns) : table;
}

// Plain or dictionary-encoded text (Arrow JS encodes inferred strings as a dictionary).
function isText(type: DataType): boolean {
  return DataType.isUtf8(type) || (DataType.isDictionary(type) && DataType.isUtf8(type.dictionary));
}

function isList(type: DataType): type is List | FixedSizeList {
  return type.typeId === Type.List || type.typeId === Type.FixedSizeList;
}

function childType(type: List | FixedSizeList): DataType {
  return type.children[0]!.type;
}

function isFloat32Vectors(type: List | FixedSizeList): boolean {
  const child = childType(type);
  return type.typeId === Type.FixedSizeList && DataType.isFloat(child) && child.ArrayType === Float32Array;
}

// Straight from each chunk's offsets and child values; no per-row objects. (Arrow JS slices a chunk's offsets
// and a fixed-size list's child along with it, so positions below are relative to the chunk.)
function fromLists(column: Vector<List | FixedSizeList>): VectorData {
  const total = column.data.reduce((sum, data) => sum + (data.children[0]?.length ?? 0), 0);
  const builder = new VectorBuilder(column.length, total);
  for (const data of column.data as Data<List | FixedSizeList>[]) {
    const child = data.children[0]!;
    const size = data.type.typeId === Type.FixedSizeList ? (data.type as FixedSizeList).listSize : 0;
    const offsets = data.typeId === Type.List ? (data.valueOffsets as Int32Array) : undefined;
    // Half floats are stored as their bits, and null elements must read as NaN: those go value by value.
    const direct =
      child.nullCount === 0 && DataType.isFloat(child.type) && child.type.precision !== Precision.HALF;
    const values = new Vector([child]);
    for (let i = 0; i < data.length; ++i) {
      const start = offsets ? offsets[i]! : i * size;
      const length = data.getValid(i) ? (offsets ? offsets[i + 1]! : start + size) - start : 0;
      builder.reserve(length);
      if (direct)
        builder.values.set((child.values as Float32Array).subarray(start, start + length), builder.used);
      else
        for (let k = 0; k < length; ++k)
          builder.values[builder.used + k] = Number(values.get(start + k) ?? NaN);
      builder.used += length;
      builder.endRow(length);
    }
  }
  return builder.finish();
}
