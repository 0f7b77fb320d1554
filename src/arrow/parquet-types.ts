import {
  Binary,
  Bool,
  DateDay,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
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
import type {SchemaElement} from "hyparquet";

type Unit = "MILLIS" | "MICROS" | "NANOS";

/**
 * The Arrow type of a primitive Parquet column: the one mapping that `px.load` and `FileAttachment.parquet()`
 * share, so a file reads the same both ways. Lossless where Arrow JS can hold it:
 *
 * - INT32/INT64 and their INTEGER annotations → Int8…Int64, Uint8…Uint64 (64-bit values are bigints)
 * - FLOAT → Float32, DOUBLE → Float64, FLOAT16 → Float32; DECIMAL → Float64
 * - BOOLEAN → Bool
 * - DATE → DateDay; TIME → Time of the stored unit
 * - TIMESTAMP → Timestamp of the stored unit, "UTC" when the writer marked it adjusted to UTC; INT96 → ns.
 *   Arrow JS reads any unit as epoch milliseconds (fractional below a millisecond), so nothing is lost.
 * - STRING, ENUM, JSON, UUID → Utf8; any other byte array → Binary (bytes are not text unless marked so)
 */
export function parquetArrowType(element: SchemaElement): DataType {
  const {type, converted_type: converted, logical_type: logical} = element;
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
  switch (converted) {
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
      return intType(Number(converted.slice(4)), true);
    case "UINT_8":
    case "UINT_16":
    case "UINT_32":
    case "UINT_64":
      return intType(Number(converted.slice(5)), false);
    case "DECIMAL":
      return new Float64();
  }
  switch (type) {
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
    default:
      return new Binary();
  }
}

function intType(bitWidth: number, signed: boolean): DataType {
  switch (bitWidth) {
    case 8:
      return signed ? new Int8() : new Uint8();
    case 16:
      return signed ? new Int16() : new Uint16();
    case 64:
      return signed ? new Int64() : new Uint64();
    default:
      return signed ? new Int32() : new Uint32();
  }
}

function timestampType(unit: Unit, utc: boolean): DataType {
  const timezone = utc ? "UTC" : null;
  if (unit === "MILLIS") return new TimestampMillisecond(timezone);
  if (unit === "MICROS") return new TimestampMicrosecond(timezone);
  return new TimestampNanosecond(timezone);
}

function timeType(unit: Unit): DataType {
  if (unit === "MILLIS") return new TimeMillisecond();
  if (unit === "MICROS") return new TimeMicrosecond();
  return new TimeNanosecond();
}
