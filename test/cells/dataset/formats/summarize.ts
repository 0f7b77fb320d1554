import {Type, type Table} from "apache-arrow";

/** A table as plain data, for deep-equal comparisons (also across Node and the browser). */
export interface TableSummary {
  /** `name: type` per column, in order. */
  readonly fields: readonly string[];
  /** Non-vector columns' values; bigints as strings, bytes as arrays of numbers. */
  readonly columns: Readonly<Record<string, readonly unknown[]>>;
  /** Vector columns: each row's Float32 bit patterns (so that values compare bit for bit), or null. */
  readonly vectors: Readonly<Record<string, readonly (readonly number[] | null)[]>>;
}

export function summarize(table: Table): TableSummary {
  const columns: Record<string, unknown[]> = {};
  const vectors: Record<string, (number[] | null)[]> = {};
  for (const field of table.schema.fields) {
    const column = table.getChild(field.name)!;
    const rows = Array.from({length: column.length}, (_, i) => column.get(i) as unknown);
    if (field.type.typeId === Type.FixedSizeList || field.type.typeId === Type.List) {
      vectors[field.name] = rows.map((row) =>
        row == null ? null : bits(Float32Array.from(row as Iterable<number>))
      );
    } else {
      columns[field.name] = rows.map(plainValue);
    }
  }
  return {fields: table.schema.fields.map((field) => `${field.name}: ${field.type}`), columns, vectors};
}

/** Float32 values as their bit patterns. */
export function bits(values: Float32Array): number[] {
  return Array.from(new Uint32Array(values.buffer, values.byteOffset, values.length));
}

function plainValue(value: unknown): unknown {
  if (typeof value === "bigint") return String(value);
  if (value instanceof Uint8Array) return Array.from(value);
  return value ?? null;
}
