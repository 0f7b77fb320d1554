import {
  DateUnit,
  Precision,
  Type,
  Vector,
  type DataType,
  type Date_,
  type Dictionary,
  type Float
} from "apache-arrow";
import {float32Text} from "./float-text.ts";

/** How the values of one Arrow type are written in the text formats. */
export interface ValueText {
  /** The value as JSON (a JSONL field, a list element). */
  json(value: unknown): string;
  /** The value as a CSV cell's text, before quoting; "" for null. */
  text(value: unknown): string;
}

/**
 * Values as our text readers read them back: numbers as numbers (a float32 column's as the doubles they are,
 * so that the Float64 read back is equal), in CSV NaN and ±Infinity too, in JSON (which has no such numbers)
 * null; 64-bit integers as numbers when they are safe integers, else as JSON strings;
 * timestamps as ISO-8601 text (Date32 as YYYY-MM-DD); bytes as base64; lists as JSON arrays, float32
 * elements by their shortest round-tripping decimal (read back into Float32 bit for bit); anything else as
 * its JSON.
 */
export function valueText(type: DataType, inList = false): ValueText {
  switch (type.typeId) {
    case Type.Dictionary:
      return valueText((type as Dictionary).dictionary, inList);
    case Type.Null:
      return {json: () => "null", text: () => ""};
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View:
      return nullable((value) => JSON.stringify(value), String);
    case Type.Bool:
    case Type.Int:
      return nullable(bigintJson, String);
    case Type.Float:
      return floatText(inList && (type as Float).precision === Precision.SINGLE ? float32Text : String);
    case Type.Timestamp:
      return isoText((ms) => new Date(ms).toISOString());
    case Type.Date:
      return isoText((ms) => {
        const iso = new Date(ms).toISOString();
        return (type as Date_).unit === DateUnit.DAY ? iso.slice(0, 10) : iso;
      });
    case Type.Binary:
    case Type.LargeBinary:
    case Type.FixedSizeBinary:
    case Type.BinaryView:
      return nullable(
        (value) => `"${base64(value as Uint8Array)}"`,
        (value) => base64(value as Uint8Array)
      );
    case Type.List:
    case Type.LargeList:
    case Type.FixedSizeList: {
      const list = listJson(valueText(type.children[0]!.type, true));
      return nullable(list, list);
    }
    default: {
      const json = (value: unknown) => JSON.stringify(value, (_, item: unknown) => bigintValue(item));
      return nullable(json, json);
    }
  }
}

function nullable(json: (value: unknown) => string, text: (value: unknown) => string): ValueText {
  return {
    json: (value) => (value == null ? "null" : json(value)),
    text: (value) => (value == null ? "" : text(value))
  };
}

function floatText(digits: (value: number) => string): ValueText {
  return nullable(
    (value) => (Number.isFinite(value) ? digits(value as number) : "null"),
    (value) => (Number.isFinite(value) ? digits(value as number) : String(value))
  );
}

// Arrow JS reads timestamps and dates as epoch milliseconds. Beyond what a Date holds (±8.64e15 ms), the number.
function isoText(iso: (ms: number) => string): ValueText {
  const text = (value: unknown) =>
    Math.abs(value as number) <= 8.64e15 ? iso(value as number) : String(value);
  return nullable((value) => JSON.stringify(text(value)), text);
}

function listJson(element: ValueText): (value: unknown) => string {
  return (value) => {
    const list = value as Vector;
    // A null element hides behind a zero in a typed array: read element by element when there are any.
    const items: ArrayLike<unknown> = list.nullCount ? Array.from(list) : list.toArray();
    let json = "[";
    for (let i = 0; i < items.length; ++i) json += (i ? "," : "") + element.json(items[i]);
    return json + "]";
  };
}

function bigintJson(value: unknown): string {
  return JSON.stringify(bigintValue(value));
}

// A safe integer as a number; a larger one as its decimal text, which a JSON number would round.
function bigintValue(value: unknown): unknown {
  if (typeof value !== "bigint") return value;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : String(value);
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  // In slices: spreading a large array into fromCharCode's arguments would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
