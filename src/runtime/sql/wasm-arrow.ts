import {
  DataType,
  DateMillisecond,
  Field,
  FixedSizeList,
  Float64,
  List,
  Map_,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimeUnit,
  Union,
  makeData,
  type Data
} from "apache-arrow";
import {dateDays, timestampMillis, type TimestampUnit} from "./date-range.ts";

/**
 * duckdb-wasm's result with the values node-arrow.ts gives, at any depth (lists, structs, maps, unions):
 * - each TIMESTAMP (any unit, with time zone too) a Date64 of epoch milliseconds and each DATE a Date32, by
 *   date-range.ts's rule. duckdb-wasm's own `castTimestampToDate` (off, see duckdb-wasm.ts) overflowed on
 *   DuckDB's ±infinity: the Date64 of 'infinity' was a number apache-arrow refused to read.
 * - each 64-bit or wider integer (BIGINT, UBIGINT, HUGEINT, UHUGEINT) and each DECIMAL a Float64. duckdb-wasm's
 *   `castBigIntToDouble` and `castDecimalToDouble` (off too) converted a top-level column but only relabelled one
 *   in a list or struct: `[1, 9007199254740991]::BIGINT[]` was List<Float64> of the integers' bits read as
 *   doubles, [5e-324, 4.45e-308].
 */
export function withJavaScriptValues(table: Table): Table {
  if (!table.schema.fields.some(changes)) return table;
  const fields = table.schema.fields.map(jsField);
  const schema = new Schema(fields, table.schema.metadata);
  const batches = table.batches.map(
    (batch) =>
      new RecordBatch(
        schema,
        makeData({
          type: new Struct(fields),
          length: batch.numRows,
          nullCount: 0,
          children: batch.data.children.map((data, c) => jsData(data, table.schema.fields[c]!))
        })
      )
  );
  return new Table(schema, batches);
}

function changes(field: Field): boolean {
  const {type} = field;
  return (
    DataType.isTimestamp(type) ||
    DataType.isDate(type) ||
    isWideNumber(field) ||
    (type.children ?? []).some(changes)
  );
}

// DuckDB's integers past 32 bits, its decimals, and its UHUGEINT (no Arrow type: 16 bytes DuckDB names).
function isWideNumber(field: Field): boolean {
  const {type} = field;
  if (DataType.isInt(type)) return type.bitWidth === 64;
  return DataType.isDecimal(type) || isUhugeint(field);
}

function isUhugeint(field: Field): boolean {
  const extension = field.metadata.get("ARROW:extension:metadata") ?? "";
  return (
    DataType.isFixedSizeBinary(field.type) && field.type.byteWidth === 16 && /"uhugeint"/.test(extension)
  );
}

// A field's JavaScript form: the same object when nothing in it changes. A UHUGEINT loses DuckDB's extension name.
function jsField(field: Field): Field {
  const type = jsType(field);
  if (type === field.type) return field;
  return new Field(field.name, type, field.nullable, isUhugeint(field) ? undefined : field.metadata);
}

function jsType(field: Field): DataType {
  const {type} = field;
  if (DataType.isTimestamp(type)) return new DateMillisecond();
  if (isWideNumber(field)) return new Float64();
  const original: readonly Field[] = type.children ?? [];
  const children = original.map(jsField);
  if (children.every((child, c) => child === original[c])) return type;
  if (DataType.isList(type)) return new List(children[0]!);
  if (DataType.isFixedSizeList(type)) return new FixedSizeList(type.listSize, children[0]!);
  if (DataType.isStruct(type)) return new Struct(children);
  if (DataType.isMap(type)) return new Map_(children[0] as Field<Struct>, type.keysSorted);
  if (DataType.isUnion(type)) return new Union(type.mode, type.typeIds, children);
  return type;
}

const UNITS: Record<TimeUnit, TimestampUnit> = {
  [TimeUnit.SECOND]: "s",
  [TimeUnit.MILLISECOND]: "ms",
  [TimeUnit.MICROSECOND]: "us",
  [TimeUnit.NANOSECOND]: "ns"
};

const NESTED = [
  DataType.isList,
  DataType.isFixedSizeList,
  DataType.isStruct,
  DataType.isMap,
  DataType.isUnion
];

function jsData(data: Data, field: Field): Data {
  const {type} = data;
  if (DataType.isTimestamp(type)) {
    const raw = data.values as BigInt64Array;
    const millis = new BigInt64Array(raw.length);
    for (let i = 0; i < raw.length; ++i) millis[i] = BigInt(timestampMillis(raw[i]!, UNITS[type.unit]));
    return makeData({...nulls(data), type: new DateMillisecond(), data: millis});
  }
  if (DataType.isDate(type) && data.values instanceof Int32Array) {
    return makeData({...nulls(data), type, data: data.values.map(dateDays)});
  }
  if (isWideNumber(field))
    return makeData({...nulls(data), type: new Float64(), data: wideNumbers(data, field)});
  if (!NESTED.some((is) => is(type))) return data;
  const children = data.children.map((child, c) => jsData(child, type.children[c]!));
  return data.clone(jsType(field), data.offset, data.length, data.nullCount, data.buffers, children);
}

// What a primitive column's Data keeps when its values change: where it starts, its length and its nulls.
function nulls(data: Data) {
  return {offset: data.offset, length: data.length, nullCount: data.nullCount, nullBitmap: data.nullBitmap};
}

/** A wide integer or decimal column's numbers, each of its little-endian 32-bit words read in place. */
function wideNumbers(data: Data, field: Field): Float64Array {
  const type = field.type as DataType;
  const values = data.values as ArrayBufferView;
  const words = new Uint32Array(values.buffer, values.byteOffset, values.byteLength / 4);
  if (DataType.isInt(type)) return int64Numbers(words, type.isSigned);
  if (DataType.isDecimal(type)) return integerNumbers(words, type.bitWidth / 32, true, type.scale);
  return integerNumbers(words, 4, false, 0); // UHUGEINT
}

/**
 * Integers of `stride` words each, divided by 10^scale by DuckDB's rule for a DECIMAL to DOUBLE, which node-api's
 * value follows: an integer a double holds exactly divided at once, a larger one as its quotient plus its
 * remainder divided. So the page's double is Node's for every unscaled value below 2^53 (any DECIMAL of up to 15
 * digits); past it DuckDB's 128-bit conversion may differ in the last bit. An integer within 64 bits is read from
 * two words (one rounding, as `Number(bigint)`), so the common case makes no BigInt.
 */
function integerNumbers(words: Uint32Array, stride: number, signed: boolean, scale: number): Float64Array {
  const numbers = new Float64Array(words.length / stride);
  const divisor = Number(`1e${scale}`);
  for (let i = 0, at = 0; i < numbers.length; ++i, at += stride) {
    const small = within64Bits(words, at, stride, signed);
    const value = small ? (signed ? words[at + 1]! | 0 : words[at + 1]!) * 2 ** 32 + words[at]! : NaN;
    numbers[i] =
      small && (scale === 0 || Math.abs(value) < 2 ** 53)
        ? value / divisor
        : scaled(bigIntAt(words, at, stride, signed), scale);
  }
  return numbers;
}

// BIGINT and UBIGINT, the common case, in a loop of their own: one multiply-add a value.
function int64Numbers(words: Uint32Array, signed: boolean): Float64Array {
  const numbers = new Float64Array(words.length / 2);
  for (let i = 0; i < numbers.length; ++i) {
    const high = words[2 * i + 1]!;
    numbers[i] = (signed ? high | 0 : high) * 2 ** 32 + words[2 * i]!;
  }
  return numbers;
}

// Whether the words past the first two only extend the sign of those two.
function within64Bits(words: Uint32Array, at: number, stride: number, signed: boolean): boolean {
  const extension = signed && words[at + 1]! >= 2 ** 31 ? 0xffffffff : 0;
  for (let w = 2; w < stride; ++w) if (words[at + w] !== extension) return false;
  return true;
}

function bigIntAt(words: Uint32Array, at: number, stride: number, signed: boolean): bigint {
  let value = 0n;
  for (let w = stride - 1; w >= 0; --w) value = (value << 32n) | BigInt(words[at + w]!);
  return signed ? BigInt.asIntN(stride * 32, value) : value;
}

function scaled(value: bigint, scale: number): number {
  if (scale === 0) return Number(value);
  const power = 10n ** BigInt(scale);
  return Number(value / power) + Number(value % power) / Number(`1e${scale}`);
}
