import {DuckDBDataChunk, type DuckDBConnection, type DuckDBValue} from "@duckdb/node-api";
import type {Table, Vector} from "apache-arrow";
import {SqlError} from "./database.ts";
import {columnPlan} from "./insert-columns.ts";
import {asIs, type ColumnPlan} from "./insert-plan.ts";
import {nullUnions} from "./null-unions.ts";
import {quoteIdentifier} from "./quote.ts";

// DuckDB's vector size: the most rows one data chunk holds.
const CHUNK_ROWS = 2048;

/**
 * Copies an Arrow table into a new DuckDB table `name` through node-api's appender, a data chunk (2,048 rows)
 * at a time, column by column, each column typed as duckdb-wasm's Arrow insert types it in the page (see
 * insert-columns.ts): numeric columns without nulls are read from Arrow's typed arrays, nested ones from their
 * children, so no row ever becomes an apache-arrow row object. Throws a SqlError naming the table (and the
 * column, when DuckDB cannot hold its type or values).
 */
export async function insertArrowTable(
  connection: DuckDBConnection,
  name: string,
  table: Table
): Promise<void> {
  const fields = table.schema.fields;
  if (fields.length === 0) throw new SqlError(`table "${name}": an Arrow table with no columns`);
  const plans = fields.map((field) => inColumn(name, field.name, () => columnPlan(field.type)));
  const columns = fields.map((field, c) => `${quoteIdentifier(field.name)} ${plans[c]!.sql}`);
  try {
    await connection.run(`CREATE OR REPLACE TABLE ${quoteIdentifier(name)} (${columns.join(", ")})`);
    const appender = await connection.createAppender(name);
    try {
      const types = fields.map((_, c) => appender.columnType(c));
      const vectors = fields.map((_, c) => table.getChildAt(c)!);
      for (let start = 0; start < table.numRows; start += CHUNK_ROWS) {
        const end = Math.min(table.numRows, start + CHUNK_ROWS);
        const chunk = DuckDBDataChunk.create(types, end - start);
        vectors.forEach((vector, c) =>
          chunk.setColumnValues(
            c,
            inColumn(name, fields[c]!.name, () => slice(vector, plans[c]!, start, end))
          )
        );
        appender.appendDataChunk(chunk);
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    for (const statement of nullUnions(name, fields)) await connection.run(statement);
  } catch (error) {
    throw error instanceof SqlError
      ? error
      : new SqlError(`table "${name}": ${(error as Error).message}`, {cause: error});
  }
}

function inColumn<T>(table: string, column: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    throw new SqlError(`table "${table}", column "${column}": ${(error as Error).message}`, {cause: error});
  }
}

function slice(vector: Vector, plan: ColumnPlan, start: number, end: number): DuckDBValue[] {
  // Plain numbers straight from the typed array; other whole values through Arrow's get; nested ones by chunk.
  const {value} = plan;
  if (value === asIs && vector.nullCount === 0 && ArrayBuffer.isView(vector.slice(0, 0).toArray()))
    return Array.from(vector.slice(start, end).toArray() as ArrayLike<number>);
  if (!value) {
    const chunks = vector.slice(start, end).data;
    return chunks.length === 1 ? plan.values(chunks[0]!) : chunks.flatMap((data) => plan.values(data));
  }
  const values = new Array<DuckDBValue>(end - start);
  for (let i = start; i < end; ++i) values[i - start] = value(vector.get(i));
  return values;
}
