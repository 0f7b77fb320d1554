import {DataType, makeBuilder, makeData, type Data} from "apache-arrow";
import {isFixedWidth} from "../../../arrow/fixed-width.ts";

export {isFixedWidth};

type TypedArray = Int32Array | Float64Array | BigInt64Array | BigUint64Array;
type TypedArrayConstructor = new (length: number) => TypedArray;

/**
 * One Arrow Data of `type` from values held in a few arrays (typed or plain, null/undefined for nulls).
 * Numbers, dates, times and timestamps fill a typed array directly (bigint where Arrow stores 64 bits);
 * a single typed array of the right kind without nulls is used as it is. Text, binary and booleans go
 * through an Arrow builder.
 */
export function arrowData(type: DataType, chunks: readonly ArrayLike<unknown>[]): Data {
  const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  if ((DataType.isUtf8(type) || DataType.isBinary(type)) && allBytes(chunks))
    return bytesData(type, chunks, length);
  if (!isFixedWidth(type)) return builtData(type, chunks);
  const ArrayType = type.ArrayType as unknown as TypedArrayConstructor;
  if (chunks.length === 1 && chunks[0] instanceof ArrayType) {
    return makeData({type, length, data: chunks[0]} as never);
  }
  const data = new ArrayType(length);
  const bigint = data instanceof BigInt64Array || data instanceof BigUint64Array;
  const validity = new Uint8Array(Math.ceil(length / 8));
  let nulls = 0;
  let row = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; ++i, ++row) {
      const value = chunk[i];
      if (value === null || value === undefined) ++nulls;
      else {
        data[row] = (bigint ? BigInt(value as bigint | number) : Number(value)) as never;
        validity[row >> 3]! |= 1 << (row & 7);
      }
    }
  }
  return makeData({type, length, nullCount: nulls, ...(nulls ? {nullBitmap: validity} : {}), data} as never);
}

const decoder = new TextDecoder();

function allBytes(chunks: readonly ArrayLike<unknown>[]): boolean {
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; ++i) {
      const value = chunk[i];
      if (!(value instanceof Uint8Array) && value !== null && value !== undefined) return false;
    }
  }
  return true;
}

// Text or binary values already as bytes (Parquet's BYTE_ARRAY): offsets and one byte buffer, built
// directly; decoding them to strings only for Arrow's builder to encode them again would cost far more.
function bytesData(type: DataType, chunks: readonly ArrayLike<unknown>[], length: number): Data {
  const offsets = new Int32Array(length + 1);
  const validity = new Uint8Array(Math.ceil(length / 8));
  let nulls = 0;
  let row = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; ++i, ++row) {
      const value = chunk[i] as Uint8Array | null | undefined;
      if (value) validity[row >> 3]! |= 1 << (row & 7);
      else ++nulls;
      offsets[row + 1] = offsets[row]! + (value?.length ?? 0);
    }
  }
  const data = new Uint8Array(offsets[length]!);
  row = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; ++i, ++row) {
      const value = chunk[i] as Uint8Array | null | undefined;
      if (value) data.set(value, offsets[row]!);
    }
  }
  const validityProps = nulls ? {nullBitmap: validity} : {};
  return makeData({type, length, nullCount: nulls, ...validityProps, valueOffsets: offsets, data} as never);
}

function builtData(type: DataType, chunks: readonly ArrayLike<unknown>[]): Data {
  const builder = makeBuilder({type, nullValues: [null, undefined]});
  // Text that arrives as bytes (Parquet ENUM) is decoded here.
  const text = DataType.isUtf8(type);
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; ++i) {
      const value = chunk[i];
      builder.append(text && value instanceof Uint8Array ? decoder.decode(value) : value);
    }
  }
  return builder.finish().flush();
}
