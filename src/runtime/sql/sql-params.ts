import {SqlError} from "./database.ts";

/**
 * How a query's parameters are bound, one rule for SQL cells' `${…}` (sql-builtin.ts) and a DuckDBClient's
 * `db.query(text, params)` and `` db.sql`…` `` (duckdb-client.ts), in both engines.
 */

/** A query's text and the parameters its placeholders bind, in order. */
export interface BoundQuery {
  readonly text: string;
  readonly params: unknown[];
}

/** A parameter's place in the query's text and what it binds there (nothing for an empty list). */
interface Bound {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * A tagged template's query: each `${…}` bound in its place, an array as a typed list (see bindList), anything
 * else by the scalar rule (see bindScalar), with `after(i)` written after the i-th.
 */
export function templateQuery(
  strings: readonly string[],
  values: readonly unknown[],
  after: (index: number) => string = () => ""
): BoundQuery {
  const bound = values.map((value, i) => bind(value, `the ${ordinal(i + 1)} \${…}`));
  const text = strings.reduce((sql, string, i) => `${sql}${bound[i - 1]!.sql}${after(i - 1)}${string}`);
  return {text, params: bound.flatMap((b) => b.params)};
}

/**
 * `text` whose `?` bind `params` in order, each by the rules of a template's `${…}` in its `?`'s place. Without a
 * parameter that needs one, the text is not read; where its `?` are not one a parameter (`$1` placeholders),
 * scalars are bound as they are, as each engine binds them.
 */
export function positionalQuery(text: string, params: readonly unknown[]): BoundQuery {
  const bound = params.map((param, i) => bind(param, `the ${ordinal(i + 1)} parameter`));
  if (bound.every((b, i) => b.sql === "?" && b.params[0] === params[i])) return {text, params: [...params]};
  const places = placeholderOffsets(text);
  if (places.length !== params.length) {
    if (!params.some((param) => Array.isArray(param))) return {text, params: [...params]};
    throw new SqlError(
      `${params.length} parameters for ${places.length} \`?\` in the query: an array parameter's place is a \`?\``
    );
  }
  let from = 0;
  const pieces = bound.map((b, i) => {
    const piece = text.slice(from, places[i]) + b.sql;
    from = places[i]! + 1;
    return piece;
  });
  return {text: pieces.join("") + text.slice(from), params: bound.flatMap((b) => b.params)};
}

function bind(value: unknown, name: string): Bound {
  return Array.isArray(value) ? bindList(value, name) : bindScalar(value, name);
}

/**
 * A value other than an array, as DuckDB reads the same value written in the query, in both engines. As they
 * are, node-api bound a JavaScript integer or bigint as HUGEINT, where duckdb-wasm bound a number as DOUBLE
 * (`'id-' || ${3}` read `id-3.0`), a Date as the VARCHAR of its ISO text, null as a VARCHAR (`COALESCE(${null},
 * 1)` was text) and NaN as null, and could not send a bigint ("Do not know how to serialize a BigInt"). So:
 * - a whole number or a bigint is an INTEGER, a BIGINT past 32 bits, a HUGEINT past 64 (a bigint sent as its
 *   text); NaN and ±Infinity a DOUBLE (sent as text); a Date a TIMESTAMP (UTC);
 * - null and undefined are NULL itself, written in the query (DuckDB's NULL, typed by where it stands);
 * - other numbers, strings and booleans are bound as they are: DOUBLE, VARCHAR and BOOLEAN in both.
 */
function bindScalar(value: unknown, name: string): Bound {
  if (value === null || value === undefined) return {sql: "NULL", params: []};
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new SqlError(`${name} is an invalid Date`);
    return {sql: "CAST(? AS TIMESTAMP)", params: [value]};
  }
  if (typeof value === "bigint") return {sql: `CAST(? AS ${integerType(value)})`, params: [String(value)]};
  if (typeof value === "number" && Number.isSafeInteger(value))
    return {sql: `CAST(? AS ${integerType(value)})`, params: [value]};
  if (typeof value === "number" && !Number.isFinite(value))
    return {sql: "CAST(? AS DOUBLE)", params: [String(value)]};
  return {sql: "?", params: [value]};
}

// The type DuckDB gives an integer written in a query, by its magnitude.
function integerType(value: number | bigint): string {
  const magnitude = typeof value === "bigint" ? (value < 0n ? -value : value) : Math.abs(value);
  if (magnitude < 2 ** 31) return "INTEGER";
  return magnitude < 2n ** 63n ? "BIGINT" : "HUGEINT";
}

// Where the text's `?` placeholders are: not those in a string, a quoted name, a comment or a $$ string.
function placeholderOffsets(text: string): number[] {
  const skipped = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\$(\w*)\$[\s\S]*?\$\1\$|\?/g;
  return [...text.matchAll(skipped)].filter((match) => match[0] === "?").map((match) => match.index);
}

/**
 * An array as a list of the type its elements have by the scalar rule (INTEGER, BIGINT past 32 bits, DOUBLE,
 * VARCHAR, BOOLEAN, TIMESTAMP), the same in both engines: duckdb-wasm cannot bind an array at all ("Invalid
 * column type encountered for argument 0") and node-api bound `[1, 2]` as HUGEINT[] and refused `[1.5, 2]`.
 * It travels as one VARCHAR that DuckDB casts to the list (elements quoted, so a string holding `,` `"` or `]`
 * is itself), which is as fast as one parameter; one `?` per element took DuckDB 1 s for 10,000 elements.
 * `name` is the parameter as an error names it ("the 2nd ${…}").
 */
function bindList(array: readonly unknown[], name: string): Bound {
  const items = array.filter((item) => item !== null && item !== undefined);
  // No element to type it: DuckDB's own `[]`, whose "NULL"[] type any list accepts.
  if (items.length === 0) return {sql: `[${array.map(() => "NULL").join(", ")}]`, params: []};
  const type = listType(items, name);
  const text = array.map((item) => (item === null || item === undefined ? "NULL" : listItem(item)));
  return {sql: `CAST(? AS ${type}[])`, params: [`[${text.join(", ")}]`]};
}

function listType(items: readonly unknown[], name: string): string {
  const kinds = new Set(items.map(kindOf));
  const [kind] = kinds;
  if (kinds.size === 1 && kind === "numbers") {
    if (!items.every((item) => Number.isSafeInteger(item))) return "DOUBLE";
    return items.every((item) => Math.abs(item as number) < 2 ** 31) ? "INTEGER" : "BIGINT";
  }
  const type = kinds.size === 1 ? ITEM_TYPES[kind!] : undefined;
  if (type) return type;
  throw new SqlError(
    `${name} is an array of ${[...kinds].join(" and ")}: an array parameter holds ` +
      "one kind (numbers, strings, booleans or Dates; nulls aside)"
  );
}

const ITEM_TYPES: Readonly<Record<string, string>> = {
  strings: "VARCHAR",
  booleans: "BOOLEAN",
  Dates: "TIMESTAMP"
};

// What an element is, in the words of the error that refuses a mix.
function kindOf(item: unknown): string {
  if (item instanceof Date) return Number.isNaN(item.getTime()) ? "invalid Dates" : "Dates";
  return Array.isArray(item) ? "arrays" : `${typeof item}s`; // numbers, strings, booleans; objects, bigints…
}

// An element as DuckDB reads it in a list's text: strings in double quotes (`\` and `"` escaped), numbers as
// JavaScript writes them (NaN and ±Infinity included), a Date as its UTC timestamp.
function listItem(item: unknown): string {
  if (typeof item === "string") return `"${item.replace(/[\\"]/g, "\\$&")}"`;
  if (item instanceof Date) return item.toISOString().replace("T", " ").replace("Z", "");
  return String(item);
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}
