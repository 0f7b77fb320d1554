// The text an input's value contributes to a bake key: the same in Node (at build time) and in the page, and
// undefined for a value that has no such text (a DOM node, a function, a class instance), which bakes nothing.

const typedArrays = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array
];

/** The canonical text of `value`: JSON with sorted keys and tagged non-JSON values; undefined when it has none. */
export function canonical(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      // JSON writes NaN, ±Infinity and −0 as null or 0: tagged, they stay apart from those.
      return Number.isFinite(value) && !Object.is(value, -0) ? String(value) : `{"$number":"${value}"}`;
    case "bigint":
      return `{"$bigint":"${value}"}`;
    case "undefined":
      return `{"$undefined":true}`;
    case "object":
      return canonicalObject(value);
    default:
      return undefined;
  }
}

function canonicalObject(value: object | null): string | undefined {
  if (value === null) return "null";
  if (Array.isArray(value)) return joined(value.map(canonical), "[", "]");
  if (value instanceof Date) return `{"$date":${JSON.stringify(value.toISOString())}}`;
  const typed = typedArrays.find((type) => value instanceof type);
  if (typed) return `{"$${typed.name}":[${Array.from(value as ArrayLike<number>, canonical).join(",")}]}`;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  const record = value as Record<string, unknown>;
  const entries = Object.keys(record)
    .sort()
    .map((key) => {
      const text = canonical(record[key]);
      return text === undefined ? undefined : `${JSON.stringify(key)}:${text}`;
    });
  return joined(entries, "{", "}");
}

function joined(parts: (string | undefined)[], open: string, close: string): string | undefined {
  return parts.includes(undefined) ? undefined : `${open}${parts.join(",")}${close}`;
}
