import type {DuckDBValue} from "@duckdb/node-api";
import {makeVector, type Data} from "apache-arrow";

/**
 * How an Arrow column becomes a DuckDB column, by the types duckdb-wasm's Arrow insert gives the same column in the
 * page: its DuckDB type, and DuckDB's values of every row of one of its chunks (a Data). A type that apache-arrow's
 * `get` reads whole also has `value`, which makes one such value DuckDB's.
 */
export interface ColumnPlan {
  readonly sql: string;
  readonly values: (data: Data) => DuckDBValue[];
  readonly value?: (value: unknown) => DuckDBValue;
}

/** One value as DuckDB's as it is (a number, string or boolean), null for null and undefined. */
export const asIs = (value: unknown): DuckDBValue => (value ?? null) as DuckDBValue;

/** A plan for a type `get` reads whole: each row read by `get`, then made DuckDB's by `value`. */
export function byRow(sql: string, value: (value: unknown) => DuckDBValue): ColumnPlan {
  return {
    sql,
    value,
    values(data) {
      const vector = makeVector(data);
      const values = new Array<DuckDBValue>(data.length);
      for (let row = 0; row < data.length; ++row) values[row] = value(vector.get(row));
      return values;
    }
  };
}

/** A plan whose values are read from the Data's own buffers, `value(row)` for each valid row. */
export function byBuffer(sql: string, value: (data: Data, row: number) => DuckDBValue): ColumnPlan {
  return {
    sql,
    values(data) {
      const values = new Array<DuckDBValue>(data.length);
      const nulls = data.nullCount > 0;
      for (let row = 0; row < data.length; ++row)
        values[row] = nulls && !data.getValid(row) ? null : value(data, row);
      return values;
    }
  };
}
