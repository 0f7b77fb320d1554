import {
  DataType,
  List,
  Null,
  Table,
  Vector,
  makeBuilder,
  makeData,
  vectorFromArray,
  type Data,
  type TypeMap
} from "apache-arrow";
import {parquetMetadata, parquetScan, parquetSchema, type ParquetParsers} from "hyparquet";
import {isFixedWidth} from "../../arrow/fixed-width.ts";
import {arrowType} from "./parquet-types.ts";

// Keep timestamps and dates as the integers Parquet stores (hyparquet makes Dates by default), so they
// fill Arrow's Int64 and Int32 buffers at full precision; keep JSON as text.
const decoder = new TextDecoder();
const parsers: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (value) => value,
  timestampFromMicroseconds: (value) => value,
  timestampFromNanoseconds: (value) => value,
  dateFromDays: (value) => value,
  jsonFromBytes: (bytes) => decoder.decode(bytes)
};

/**
 * Reads a Parquet file into an Arrow table, column by column; see arrowType for the column types. This is
 * FileAttachment's general reader (Float64 lists stay Float64, one record batch per row group); `px.load` has
 * its own, src/cells/dataset/formats, specialized for Phoenix datasets (vectors decoded straight into one
 * Float32Array). Both map column types the same way (src/arrow/parquet-types.ts).
 */
export async function parquetToArrow(buffer: ArrayBuffer): Promise<Table> {
  const metadata = parquetMetadata(buffer);
  // Byte arrays not marked as text stay bytes (Binary), as px.load reads them: utf8 off.
  const scan = await parquetScan({file: buffer, metadata, parsers, utf8: false});
  const columns: Record<string, Vector> = {};
  for (const node of parquetSchema(metadata).children) {
    const name = node.element.name;
    const type = arrowType(node);
    const chunks: Data[] = [];
    try {
      for (const range of scan.ranges) {
        chunks.push(...columnData(await scan.readColumn({column: name, ...range}), type));
      }
    } catch (error) {
      throw new Error(`column "${name}": ${error instanceof Error ? error.message : error}`, {cause: error});
    }
    if (chunks.length === 0) chunks.push(...columnData([], type ?? new Null()));
    columns[name] = new Vector(chunks);
  }
  return new Table(columns);
}

// One column chunk as Arrow data: fixed-width numbers straight into typed arrays, lists as offsets over a
// flat child, everything else through an Arrow builder (or, with no known type, Arrow's inference).
function columnData(values: ArrayLike<unknown>, type: DataType | null): Data[] {
  if (type === null) return [...vectorFromArray(Array.from(values)).data];
  if (type instanceof List) return [listData(values, type)];
  if (isFixedWidth(type)) return [fixedWidthData(values, type)];
  return [builtData(values, type)];
}

function listData(lists: ArrayLike<unknown>, type: List): Data {
  const length = lists.length;
  const offsets = new Int32Array(length + 1);
  const validity = new Validity(length);
  for (let i = 0; i < length; ++i) {
    const list = lists[i] as ArrayLike<unknown> | null | undefined;
    if (list == null) validity.unset(i);
    offsets[i + 1] = (offsets[i] ?? 0) + (list?.length ?? 0);
  }
  // Flatten hyparquet's per-row arrays, then copy into the child's buffer (a Float32Array for embeddings).
  const items = new Array<unknown>(offsets[length] ?? 0);
  for (let i = 0, k = 0; i < length; ++i) {
    const list = lists[i] as ArrayLike<unknown> | null | undefined;
    for (let j = 0, n = list?.length ?? 0; j < n; ++j) items[k++] = list?.[j];
  }
  const itemType = type.children[0]!.type as DataType;
  const child = isFixedWidth(itemType) ? fixedWidthData(items, itemType) : builtData(items, itemType);
  return makeData({type, length, ...validity.props(), valueOffsets: offsets, child});
}

type TypedArray = Exclude<TypeMap[keyof TypeMap]["TArray"], unknown[] | undefined>;

function fixedWidthData(values: ArrayLike<unknown>, type: DataType): Data {
  const ArrayType = type.ArrayType as new (length: number) => TypedArray;
  const length = values.length;
  if (values instanceof ArrayType) return makeData({type, length, data: values} as never);
  const data = new ArrayType(length);
  const bigint = data instanceof BigInt64Array || data instanceof BigUint64Array;
  const validity = new Validity(length);
  for (let i = 0; i < length; ++i) {
    const value = values[i];
    if (value == null) validity.unset(i);
    else data[i] = (bigint ? BigInt(value as bigint | number) : Number(value)) as never;
  }
  return makeData({type, length, ...validity.props(), data} as never);
}

function builtData(values: ArrayLike<unknown>, type: DataType): Data {
  const builder = makeBuilder({type, nullValues: [null, undefined]});
  for (let i = 0; i < values.length; ++i) builder.append(values[i]);
  return builder.finish().flush();
}

/** A validity bitmap allocated on the first null (Arrow: bit i set = value i present). */
class Validity {
  #bitmap: Uint8Array | undefined;
  #nulls = 0;

  constructor(readonly length: number) {}

  unset(index: number): void {
    this.#bitmap ??= new Uint8Array(Math.ceil(this.length / 8)).fill(255);
    this.#bitmap[index >> 3]! &= ~(1 << (index & 7));
    ++this.#nulls;
  }

  props(): {nullCount: number; nullBitmap?: Uint8Array} {
    return this.#bitmap ? {nullCount: this.#nulls, nullBitmap: this.#bitmap} : {nullCount: 0};
  }
}
