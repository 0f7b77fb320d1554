import type {Table} from "apache-arrow";

/** What a codec may read when it decodes: the values the cell's inputs hold in the page now. */
export interface DecodeContext {
  /** The cell's inputs by name (a projection's datasets, say, which its bake refers to but does not hold). */
  readonly inputs: ReadonlyMap<string, unknown>;
}

/**
 * How a kind of value is baked: recognized in a cell at build time, written as an Arrow IPC file, read back in
 * the page. The runtime has the generic ones (Arrow tables, JSON-able values); plugins add theirs (see
 * NotebookPlugin.bakeCodecs).
 */
export interface BakeCodec<T = unknown> {
  /** Unique among codecs; stored with each baked value to say how it decodes. */
  readonly name: string;
  /**
   * Whether values it accepts are baked in every cell (expensive results, such as a projection), not only in
   * cells the author marks `bake`.
   */
  readonly automatic: boolean;
  /** Whether `value` is one this codec bakes. Build time only; cheap. */
  accepts(value: unknown): value is T;
  /** The value as an Arrow IPC file. */
  encode(value: T): Promise<Uint8Array>;
  /** The value back from the file `encode` wrote, in the page. A rejection makes the cell compute live. */
  decode(bytes: Uint8Array, context: DecodeContext): Promise<T>;
}

/** An Arrow table, baked as itself. */
export const arrowTableCodec: BakeCodec<Table> = {
  name: "arrow-table",
  automatic: false,
  accepts: (value): value is Table =>
    typeof value === "object" &&
    value !== null &&
    typeof (value as Partial<Table>).numRows === "number" &&
    typeof (value as Partial<Table>).getChild === "function" &&
    typeof (value as Partial<Table>).schema === "object",
  async encode(table) {
    const {tableToIPC} = await import("apache-arrow");
    return tableToIPC(table, "file");
  },
  async decode(bytes) {
    const {tableFromIPC} = await import("apache-arrow");
    return tableFromIPC(bytes);
  }
};

/**
 * A value JSON writes and reads back as it was (numbers, strings, booleans, null, arrays and plain objects of
 * them), baked as a one-row table whose `json` column holds the text.
 */
export const jsonCodec: BakeCodec = {
  name: "json",
  automatic: false,
  accepts: (value): value is unknown => isJson(value),
  async encode(value) {
    const {tableFromArrays, tableToIPC} = await import("apache-arrow");
    return tableToIPC(tableFromArrays({json: [JSON.stringify(value)]}), "file");
  },
  async decode(bytes) {
    const {tableFromIPC} = await import("apache-arrow");
    const text = tableFromIPC(bytes).getChild("json")?.get(0) as unknown;
    if (typeof text !== "string") throw new Error("a json bake without its json column");
    return JSON.parse(text) as unknown;
  }
};

/** The runtime's own codecs, tried after the plugins'. */
export const builtinCodecs: readonly BakeCodec[] = [arrowTableCodec, jsonCodec];

// JSON-able and back: no DOM node, function, class instance, or number JSON would change.
function isJson(value: unknown): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0);
    case "object":
      if (value === null) return true;
      if (Array.isArray(value)) return value.every(isJson);
      if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)
        return false;
      return Object.values(value).every(isJson);
    default:
      return false;
  }
}
