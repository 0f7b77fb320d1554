import {arrayValue, listValue, mapValue, structValue, unionValue, type DuckDBValue} from "@duckdb/node-api";
import {
  DataType,
  type Data,
  type Field,
  type FixedSizeList,
  type LargeList,
  type List,
  type Map_,
  type Struct,
  type Union
} from "apache-arrow";
import type {ColumnPlan} from "./insert-plan.ts";
import {quoteIdentifier} from "./quote.ts";

// The plans of nested Arrow types (see insert-columns.ts), each child's by `plan`: a chunk's children are read
// whole, column by column, then each row's DuckDB value is made of its slice of them.

/** The plan of an Arrow type (insert-columns.ts's columnPlan). */
type Plan = (type: DataType) => ColumnPlan;

/** A list-like Data's child read by `read`, each valid row's slice of it handed to `make`. */
function byOffsets<T>(
  data: Data,
  read: (child: Data) => T[],
  make: (items: T[]) => DuckDBValue
): DuckDBValue[] {
  const offsets = data.valueOffsets as ArrayLike<number | bigint>;
  const begin = Number(offsets[0]);
  const items = read(data.children[0]!.slice(begin, Number(offsets[data.length]) - begin));
  const values = new Array<DuckDBValue>(data.length);
  for (let row = 0; row < data.length; ++row)
    values[row] = data.getValid(row)
      ? make(items.slice(Number(offsets[row]) - begin, Number(offsets[row + 1]) - begin))
      : null;
  return values;
}

export function listPlan(type: List | LargeList, plan: Plan): ColumnPlan {
  const child = plan(type.children[0]!.type);
  return {sql: `${child.sql}[]`, values: (data) => byOffsets(data, child.values, listValue)};
}

// A fixed-size list's child is sliced with it: row r's items are r × size onwards.
export function fixedSizeListPlan(type: FixedSizeList, plan: Plan): ColumnPlan {
  const child = plan(type.children[0]!.type);
  const size = type.listSize;
  return {
    sql: `${child.sql}[${size}]`,
    values(data) {
      const items = child.values(data.children[0]!);
      const values = new Array<DuckDBValue>(data.length);
      for (let row = 0; row < data.length; ++row)
        values[row] = data.getValid(row) ? arrayValue(items.slice(row * size, (row + 1) * size)) : null;
      return values;
    }
  };
}

/** Field names DuckDB can hold: each named, none twice (the page's duckdb-wasm refuses either). */
function names(fields: readonly Field[], what: string): string[] {
  const names = fields.map((field) => field.name);
  if (names.includes("")) throw new Error(`a ${what} without a name (DuckDB names each)`);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new Error(`two ${what}s named "${twice}"`);
  return names;
}

// A struct's children are sliced with it: row r of each child is row r's field.
export function structPlan(type: Struct, plan: Plan): ColumnPlan {
  const fields = names(type.children, "struct field");
  const plans = type.children.map((field) => plan(field.type));
  return {
    sql: `STRUCT(${fields.map((name, f) => `${quoteIdentifier(name)} ${plans[f]!.sql}`).join(", ")})`,
    values(data) {
      const columns = data.children.map((child, f) => plans[f]!.values(child));
      const values = new Array<DuckDBValue>(data.length);
      for (let row = 0; row < data.length; ++row)
        values[row] = data.getValid(row)
          ? structValue(Object.fromEntries(fields.map((name, f) => [name, columns[f]![row]!])))
          : null;
      return values;
    }
  };
}

// As a list of {key, value} entries. DuckDB's keys are unique and never null: the page refuses a map with a key
// twice ("Arrow map contains duplicate key"), and so does this.
export function mapPlan(type: Map_, plan: Plan): ColumnPlan {
  const [keyField, valueField] = type.children[0]!.type.children as [Field, Field];
  const [key, item] = [plan(keyField.type), plan(valueField.type)];
  const entries = (data: Data) => {
    const [keys, items] = [key.values(data.children[0]!), item.values(data.children[1]!)];
    return keys.map((key, i) => ({key, value: items[i]!}));
  };
  return {
    sql: `MAP(${key.sql}, ${item.sql})`,
    values: (data) =>
      byOffsets(data, entries, (pairs) => {
        const seen = new Set<unknown>();
        for (const {key} of pairs) {
          if (key === null) throw new Error("a map key is null (DuckDB's never are)");
          const same = typeof key === "object" ? String(key) : key;
          if (seen.has(same))
            throw new Error(
              `a map holds the key ${typeof key === "string" ? JSON.stringify(key) : String(key)} twice (DuckDB's keys are unique)`
            );
          seen.add(same);
        }
        return mapValue(pairs);
      })
  };
}

/**
 * Each row the value of its member, found through the type ids (sparse: the member's same row; dense: the row its
 * offset names). A row whose member is null is a union of that member holding NULL here, which nullUnions then
 * makes NULL itself, as duckdb-wasm's insert does: node-api cannot write a null union (its tag alone is NULL).
 */
export function unionPlan(type: Union, plan: Plan): ColumnPlan {
  const tags = names(type.children, "union member");
  const members = type.children.map((field) => plan(field.type));
  return {
    sql: `UNION(${tags.map((tag, m) => `${quoteIdentifier(tag)} ${members[m]!.sql}`).join(", ")})`,
    values(data) {
      const member = (row: number) => type.typeIdToChildIndex[data.typeIds[row]!]!;
      const dense = DataType.isDenseUnion(type);
      const at = (row: number) => (dense ? (data.valueOffsets as Int32Array)[row]! : row);
      // A dense member's rows this chunk reads: the span of its offsets.
      const spans = members.map(() => [Infinity, -1]);
      for (let row = 0; row < data.length; ++row) {
        const span = spans[member(row)]!;
        span[0] = Math.min(span[0]!, at(row));
        span[1] = Math.max(span[1]!, at(row));
      }
      const columns = data.children.map((child, m) => {
        const [first, last] = spans[m]!;
        if (last! < 0) return [];
        return members[m]!.values(dense ? child.slice(first!, last! - first! + 1) : child);
      });
      const values = new Array<DuckDBValue>(data.length);
      for (let row = 0; row < data.length; ++row) {
        const m = member(row);
        values[row] = unionValue(tags[m]!, columns[m]![dense ? at(row) - spans[m]![0]! : row]!);
      }
      return values;
    }
  };
}
