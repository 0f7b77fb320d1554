import type {JS} from "@duckdb/node-api";
import {
  Precision,
  Type,
  Utf8,
  makeData,
  makeVector,
  type DataType,
  type Float32,
  type Float64,
  type Int16,
  type Int32,
  type Int8,
  type Uint16,
  type Uint32,
  type Uint8,
  type Vector
} from "apache-arrow";
import {arrowData, bitmap} from "./arrow-data.ts";

/**
 * A column's Arrow type and how one of its JS values (node-arrow.ts's `toJS`) becomes the value arrow-data.ts stores. The
 * types are those duckdb-wasm gives, its wide numbers made Float64 and its timestamps Date64 by wasm-arrow.ts
 * (see duckdb-wasm.ts), so both engines answer a query with the same table.
 */
export interface ColumnKind {
  readonly type: DataType;
  readonly value: (value: JS) => unknown;
}

/** A column being read: its values pushed chunk by chunk, then made a vector. */
export interface ColumnBuilder {
  push(values: readonly JS[]): void;
  finish(): Vector;
}

type NumberArray =
  Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array;
type NumberArrayConstructor = new (length: number) => NumberArray;

/**
 * Numbers straight into a typed array and text straight into UTF-8 bytes and offsets: Arrow's builders
 * (vectorFromArray) took 16 s for 3 million short strings and 1.5 s for as many doubles. Other kinds (dates,
 * lists, structs…) are gathered, then made by arrow-data.ts.
 */
export function columnBuilder(kind: ColumnKind): ColumnBuilder {
  const typed = numberArrays.get(kind.type.typeId);
  if (typed) return numberColumn(kind, typed(kind.type));
  if (kind.type instanceof Utf8) return textColumn(kind);
  const values: unknown[] = [];
  return {
    push: (chunk) => {
      for (const value of chunk) values.push(kind.value(value));
    },
    finish: () => makeVector(arrowData(kind.type, values))
  };
}

const numberArrays = new Map<Type, (type: DataType) => NumberArrayConstructor | undefined>([
  [Type.Int, (type) => intArray(type as Int8 | Int16 | Int32 | Uint8 | Uint16 | Uint32)],
  [
    Type.Float,
    (type) => ((type as Float32 | Float64).precision === Precision.SINGLE ? Float32Array : Float64Array)
  ]
]);

function intArray(type: {bitWidth: number; isSigned: boolean}): NumberArrayConstructor | undefined {
  const signed = {8: Int8Array, 16: Int16Array, 32: Int32Array} as const;
  const unsigned = {8: Uint8Array, 16: Uint16Array, 32: Uint32Array} as const;
  return (type.isSigned ? signed : unsigned)[type.bitWidth as 8 | 16 | 32];
}

function numberColumn(kind: ColumnKind, Array: NumberArrayConstructor | undefined): ColumnBuilder {
  const Values = Array ?? Float64Array;
  let data = new Values(1024);
  let length = 0;
  const nulls: number[] = [];
  return {
    push(chunk) {
      if (length + chunk.length > data.length) {
        const grown = new Values(Math.max(data.length * 2, length + chunk.length));
        grown.set(data.subarray(0, length));
        data = grown;
      }
      for (const value of chunk) {
        if (value === null) nulls.push(length);
        else data[length] = Number(kind.value(value));
        ++length;
      }
    },
    finish: () =>
      makeVector(
        makeData({
          type: kind.type as Float64,
          length,
          data: data.subarray(0, length) as Float64Array,
          nullCount: nulls.length,
          nullBitmap: bitmap(length, nulls)
        })
      )
  };
}

function textColumn(kind: ColumnKind): ColumnBuilder {
  const encoder = new TextEncoder();
  let bytes = new Uint8Array(1 << 16);
  let offsets = new Int32Array(1025);
  let used = 0;
  let length = 0;
  const nulls: number[] = [];
  return {
    push(chunk) {
      if (length + chunk.length + 1 > offsets.length) {
        const grown = new Int32Array(Math.max(offsets.length * 2, length + chunk.length + 1));
        grown.set(offsets.subarray(0, length + 1));
        offsets = grown;
      }
      for (const value of chunk) {
        const text = kind.value(value);
        if (text === null) nulls.push(length);
        else {
          const string = String(text);
          // UTF-8 takes at most 3 bytes per UTF-16 unit.
          if (used + string.length * 3 > bytes.length) {
            const grown = new Uint8Array(Math.max(bytes.length * 2, used + string.length * 3));
            grown.set(bytes.subarray(0, used));
            bytes = grown;
          }
          used += encoder.encodeInto(string, bytes.subarray(used)).written;
        }
        offsets[++length] = used;
      }
    },
    finish: () =>
      makeVector(
        makeData({
          type: new Utf8(),
          length,
          valueOffsets: offsets.subarray(0, length + 1),
          data: bytes.subarray(0, used),
          nullCount: nulls.length,
          nullBitmap: bitmap(length, nulls)
        })
      )
  };
}
