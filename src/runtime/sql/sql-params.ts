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
 * else at the placeholder `scalar` gives it, with `after(i)` written after the i-th.
 */
export function templateQuery(
  strings: readonly string[],
  values: readonly unknown[],
  scalar: (value: unknown) => string,
  after: (index: number) => string = () => ""
): BoundQuery {
  const bound = values.map((value, i): Bound =>
    Array.isArray(value)
      ? bindList(value, `the ${ordinal(i + 1)} \${…}`)
      : {sql: scalar(value), params: [value]}
  );
  const text = strings.reduce((sql, string, i) => `${sql}${bound[i - 1]!.sql}${after(i - 1)}${string}`);
  return {text, params: bound.flatMap((b) => b.params)};
}

/**
 * `text` whose `?` bind `params` in order, an array as a typed list in its `?`'s place (see bindList); other
 * parameters as they are. Without an array the text is not read.
 */
export function positionalQuery(text: string, params: readonly unknown[]): BoundQuery {
  if (!params.some((param) => Array.isArray(param))) return {text, params: [...params]};
  const places = placeholderOffsets(text);
  if (places.length !== params.length)
    throw new SqlError(
      `${params.length} parameters for ${places.length} \`?\` in the query: an array parameter's place is a \`?\``
    );
  let bound = "";
  let from = 0;
  const values: unknown[] = [];
  params.forEach((param, i) => {
    const {sql, params} = Array.isArray(param)
      ? bindList(param, `the ${ordinal(i + 1)} parameter`)
      : {sql: "?", params: [param]};
    bound += text.slice(from, places[i]) + sql;
    from = places[i]! + 1;
    values.push(...params);
  });
  return {text: bound + text.slice(from), params: values};
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
