import {
  Bool,
  DateDay,
  Field,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  List,
  TimeMicrosecond,
  TimeMillisecond,
  TimeNanosecond,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  type DataType
} from "apache-arrow";
import type {SchemaElement, SchemaTree, TimeUnit} from "hyparquet";

/**
 * The Arrow type of a top-level Parquet column, or null where there is none we map to (structs, maps,
 * nested lists, raw binary): those columns are left to Arrow's inference.
 *
 * - INT32/INT64 and their INTEGER annotations → Int8…Int64, Uint8…Uint64 (Int64 values are bigints)
 * - FLOAT → Float32, DOUBLE → Float64; DECIMAL → Float64; FLOAT16 → Float32
 * - BOOLEAN → Bool; BYTE_ARRAY (STRING, ENUM, JSON, unannotated), UUID → Utf8
 * - DATE → DateDay; TIMESTAMP → Timestamp of the same unit ("UTC" when adjusted to UTC); INT96 → ns
 * - TIME → Time of the same unit
 * - LIST of any of the above → List<that type>, e.g. embeddings as List<Float32>
 */
export function arrowType(node: SchemaTree): DataType | null {
  const item = listItem(node);
  if (item !== undefined) {
    const type = item && item.children.length === 0 ? primitiveType(item.element) : null;
    return type && new List(new Field("element", type, true));
  }
  return node.children.length === 0 ? primitiveType(node.element) : null;
}

// The item of a list column: the standard three levels (`group (LIST) { repeated group list { element } }`),
// the legacy two (`group (LIST) { repeated element }`), or a bare repeated field. undefined if not a list,
// null if a list whose item we cannot find.
function listItem(node: SchemaTree): SchemaTree | null | undefined {
  const {element, children} = node;
  if (element.repetition_type === "REPEATED" && children.length === 0) return node;
  if (element.logical_type?.type !== "LIST" && element.converted_type !== "LIST") return undefined;
  const repeated = children[0];
  if (!repeated || children.length !== 1) return null;
  if (repeated.children.length === 0) return repeated;
  return repeated.children.length === 1 ? (repeated.children[0] ?? null) : null;
}

function primitiveType(element: SchemaElement): DataType | null {
  const logical = element.logical_type;
  switch (logical?.type) {
    case "STRING":
    case "ENUM":
    case "JSON":
    case "UUID":
      return new Utf8();
    case "DATE":
      return new DateDay();
    case "TIMESTAMP":
      return timestampType(logical.unit, logical.isAdjustedToUTC);
    case "TIME":
      return timeType(logical.unit);
    case "INTEGER":
      return intType(logical.bitWidth, logical.isSigned);
    case "DECIMAL":
      return new Float64();
    case "FLOAT16":
      return new Float32();
  }
  switch (element.converted_type) {
    case "UTF8":
    case "ENUM":
    case "JSON":
      return new Utf8();
    case "DATE":
      return new DateDay();
    case "TIMESTAMP_MILLIS":
      return timestampType("MILLIS", true);
    case "TIMESTAMP_MICROS":
      return timestampType("MICROS", true);
    case "TIME_MILLIS":
      return timeType("MILLIS");
    case "TIME_MICROS":
      return timeType("MICROS");
    case "INT_8":
    case "INT_16":
    case "INT_32":
    case "INT_64":
      return intType(Number(element.converted_type.slice(4)), true);
    case "UINT_8":
    case "UINT_16":
    case "UINT_32":
    case "UINT_64":
      return intType(Number(element.converted_type.slice(5)), false);
    case "DECIMAL":
      return new Float64();
  }
  switch (element.type) {
    case "BOOLEAN":
      return new Bool();
    case "INT32":
      return new Int32();
    case "INT64":
      return new Int64();
    case "INT96":
      return timestampType("NANOS", false);
    case "FLOAT":
      return new Float32();
    case "DOUBLE":
      return new Float64();
    case "BYTE_ARRAY":
      return new Utf8(); // hyparquet decodes unannotated byte arrays as UTF-8 text
    default:
      return null;
  }
}

function intType(bitWidth: number, signed: boolean): DataType | null {
  switch (bitWidth) {
    case 8:
      return signed ? new Int8() : new Uint8();
    case 16:
      return signed ? new Int16() : new Uint16();
    case 32:
      return signed ? new Int32() : new Uint32();
    case 64:
      return signed ? new Int64() : new Uint64();
    default:
      return null;
  }
}

function timestampType(unit: TimeUnit, utc: boolean): DataType {
  const timezone = utc ? "UTC" : null;
  if (unit === "MILLIS") return new TimestampMillisecond(timezone);
  if (unit === "MICROS") return new TimestampMicrosecond(timezone);
  return new TimestampNanosecond(timezone);
}

function timeType(unit: TimeUnit): DataType {
  if (unit === "MILLIS") return new TimeMillisecond();
  if (unit === "MICROS") return new TimeMicrosecond();
  return new TimeNanosecond();
}
