import {DataType, Type, type Timestamp} from "apache-arrow";
import type {ColumnMetaData, SchemaElement} from "./hyparquet.ts";
import type {FlatPhysical} from "./flat-column.ts";

/** A physical type the flat fast path reads. */
export interface FlatFastPath {
  readonly physical: FlatPhysical;
}

const FAST_ENCODINGS = new Set(["PLAIN", "RLE", "RLE_DICTIONARY", "PLAIN_DICTIONARY"]);

/**
 * Whether a flat column can take the fast path, and how: a physical type it reads, an Arrow type (from
 * arrowType) whose values are the stored ones (timestamps in their stored unit), and only PLAIN or dictionary
 * pages in every chunk. Anything else goes to hyparquet.
 */
export function flatFastPath(
  element: SchemaElement,
  type: DataType,
  chunks: readonly ColumnMetaData[]
): FlatFastPath | undefined {
  if (!chunks.every((chunk) => chunk.encodings.every((encoding) => FAST_ENCODINGS.has(encoding))))
    return undefined;
  const logical = element.logical_type?.type;
  if (logical === "DECIMAL" || element.converted_type === "DECIMAL" || logical === "FLOAT16")
    return undefined;
  switch (element.type) {
    case "INT32":
      return DataType.isInt(type) || DataType.isDate(type) || DataType.isTime(type)
        ? {physical: "INT32"}
        : undefined;
    case "INT64":
      return DataType.isInt(type) || DataType.isTime(type) || DataType.isTimestamp(type)
        ? {physical: "INT64"}
        : undefined;
    case "FLOAT":
    case "DOUBLE":
      return {physical: element.type};
    case "BYTE_ARRAY":
      return type.typeId === Type.Utf8 || type.typeId === Type.Binary ? {physical: "BYTE_ARRAY"} : undefined;
    default:
      return undefined;
  }
}

/** Stored little-endian values as the typed array `type` keeps (narrower ints converted). */
export function toArrowValues(bytes: Uint8Array, physical: FlatPhysical, type: DataType): ArrayLike<unknown> {
  const aligned = bytes.byteOffset % 8 ? bytes.slice() : bytes;
  const {buffer, byteOffset, length} = aligned;
  const ArrayType = (type as Timestamp).ArrayType as unknown as new (
    values: ArrayLike<number> | ArrayBufferLike,
    ...rest: number[]
  ) => ArrayLike<unknown>;
  if (physical === "INT32") {
    const values = new Int32Array(buffer, byteOffset, length / 4);
    return ArrayType === Int32Array
      ? values
      : ArrayType === Uint32Array
        ? new Uint32Array(buffer, byteOffset, length / 4)
        : new ArrayType(values);
  }
  if (physical === "FLOAT") return new Float32Array(buffer, byteOffset, length / 4);
  if (physical === "DOUBLE") return new Float64Array(buffer, byteOffset, length / 8);
  return ArrayType === BigUint64Array
    ? new BigUint64Array(buffer, byteOffset, length / 8)
    : new BigInt64Array(buffer, byteOffset, length / 8);
}
