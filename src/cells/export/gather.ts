import {Type, Vector, makeBuilder, type Data, type DataType} from "apache-arrow";
import {gatherBytes, isVariableWidth} from "./gather-bytes.ts";
import {copyableFixedWidth, gatherFixedWidth, isFixedWidth} from "./gather-fixed.ts";
import {forEachRow, type ColumnPart} from "./gather-rows.ts";

export type {ColumnPart} from "./gather-rows.ts";

/**
 * The given rows of each part, one part after the other, as one column of `type` (Arrow JS has no `take`).
 * Numbers, timestamps and their fixed-size lists (embedding vectors) are copied as stored, so floats keep
 * every bit; text and bytes are copied as stored too; other types (booleans, dictionaries, lists, structs…)
 * go value by value through an Arrow builder. A part without the column, or whose column holds only nulls
 * (type Null), gives nulls.
 */
export function gatherColumn(type: DataType, parts: readonly ColumnPart[]): Vector {
  const usable = parts.map((part) =>
    part.column && part.column.type.typeId !== Type.Null ? part : {column: null, rows: part.rows}
  );
  const chunks = usable.flatMap((part) => part.column?.data ?? []);
  if (isFixedWidth(type) && chunks.every(copyableFixedWidth))
    return new Vector([gatherFixedWidth(type, usable)]);
  if (isVariableWidth(type)) return new Vector([gatherBytes(type, usable)]);
  return new Vector([gatherValues(type, usable)]);
}

function gatherValues(type: DataType, parts: readonly ColumnPart[]): Data {
  const builder = makeBuilder({type, nullValues: [null, undefined]});
  for (const {column, rows} of parts) {
    if (!column) {
      for (let i = 0; i < rows.length; ++i) builder.append(null);
      continue;
    }
    const chunks = column.data.map((data) => new Vector([data]));
    forEachRow(column, rows, (_, index, chunk) => builder.append(builderValue(chunks[chunk]!.get(index))));
  }
  return builder.finish().flush() as Data;
}

// Builders take nested lists as arrays: a list value read back (an Arrow Vector) would be read as nulls.
function builderValue(value: unknown): unknown {
  return value instanceof Vector ? Array.from(value, builderValue) : value;
}
