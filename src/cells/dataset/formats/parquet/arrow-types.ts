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
  Timestamp,
  TimeUnit,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  type DataType
} from "apache-arrow";
import type {SchemaElement} from "./hyparquet.ts";

/**
 * The Arrow type a flat Parquet column becomes. Lossless where Arrow JS can hold it: integers keep their
 * width (INT64 → Int64, values as bigint), float → Float32, double → Float64. Decimals become Float64.
 * Every timestamp (INT64 millis/micros/nanos, INT96) becomes Timestamp(ms) — what JS Dates hold — with
 * time zone "UTC" when the writer marked it adjusted to UTC; sub-millisecond digits are floored away.
 * Strings (UTF8/STRING, ENUM, JSON, UUID) → Utf8; other byte arrays → Binary.
 */
export function arrowType(element: SchemaElement): DataType {
  const {type, converted_type: converted, logical_type: logical} = element;
  if (converted === "DECIMAL" || logical?.type === "DECIMAL") return new Float64();
  if (logical?.type === "TIMESTAMP") return timestamp(logical.isAdjustedToUTC);
  if (converted === "TIMESTAMP_MILLIS" || converted === "TIMESTAMP_MICROS") return timestamp(true);
  if (logical?.type === "DATE" || converted === "DATE") return new DateDay();
  if (logical?.type === "TIME") {
    return logical.unit === "MILLIS"
      ? new TimeMillisecond()
      : logical.unit === "MICROS"
        ? new TimeMicrosecond()
        : new TimeNanosecond();
  }
  if (converted === "TIME_MILLIS") return new TimeMillisecond();
  if (converted === "TIME_MICROS") return new TimeMicrosecond();
  const integer = logical?.type === "INTEGER" ? logical : undefined;
  switch (type) {
    case "BOOLEAN":
      return new Bool();
    case "INT32":
      return int32Type(
        integer?.bitWidth ?? bitsOf(converted),
        !(integer ? !integer.isSigned : converted?.startsWith("UINT"))
      );
    case "INT64":
      return (integer ? !integer.isSigned : converted === "UINT_64") ? new Uint64() : new Int64();
    case "INT96":
      return timestamp(false);
    case "FLOAT":
      return new Float32();
    case "DOUBLE":
      return new Float64();
    case "FIXED_LEN_BYTE_ARRAY":
      if (logical?.type === "FLOAT16") return new Float32();
      return logical?.type === "UUID" ? new Utf8() : new Binary();
    default:
      return isText(element) ? new Utf8() : new Binary();
  }
}

function isText({converted_type: converted, logical_type: logical}: SchemaElement): boolean {
  return (
    converted === "UTF8" ||
    converted === "ENUM" ||
    converted === "JSON" ||
    logical?.type === "STRING" ||
    logical?.type === "ENUM" ||
    logical?.type === "JSON"
  );
}

function timestamp(utc: boolean): Timestamp {
  return new Timestamp(TimeUnit.MILLISECOND, utc ? "UTC" : null);
}

function bitsOf(converted: string | undefined): number {
  const match = /(\d+)$/.exec(converted ?? "");
  return match ? Number(match[1]) : 32;
}

function int32Type(bits: number, signed: boolean): DataType {
  if (bits === 8) return signed ? new Int8() : new Uint8();
  if (bits === 16) return signed ? new Int16() : new Uint16();
  return signed ? new Int32() : new Uint32();
}
