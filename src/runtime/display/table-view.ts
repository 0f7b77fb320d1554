import type {Table} from "apache-arrow";

// Enough rows to read a result, few enough that a million-row table costs nothing to show.
const SHOWN_ROWS = 100;
const SHOWN_ITEMS = 6;

/** Whether `value` is an Arrow table (by shape: duckdb-wasm and the page may hold different copies of Arrow). */
export function isArrowTable(value: unknown): value is Table {
  const table = value as Partial<Table> | null;
  return (
    typeof table === "object" &&
    table !== null &&
    typeof table.getChild === "function" &&
    typeof table.numRows === "number" &&
    Array.isArray(table.schema?.fields)
  );
}

/**
 * A SQL cell's result as an HTML table: the column names and types, the first 100 rows, and the row count.
 * Values go in as text (never markup), so a row holding HTML shows as written.
 */
export function tableView(table: Table): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "phx-sql-table";
  const element = figure.appendChild(document.createElement("table"));
  const head = element.createTHead().insertRow();
  for (const field of table.schema.fields) {
    const cell = head.appendChild(document.createElement("th"));
    cell.textContent = field.name;
    cell.title = String(field.type);
  }
  const body = element.createTBody();
  const columns = table.schema.fields.map((_, i) => table.getChildAt(i));
  // Date columns hold milliseconds (Arrow's Date64): shown as ISO dates, as the Inspector shows a Date.
  const dates = table.schema.fields.map((field) => String(field.type).startsWith("Date"));
  for (let row = 0; row < Math.min(SHOWN_ROWS, table.numRows); ++row) {
    const tr = body.insertRow();
    columns.forEach((column, c) => {
      const value: unknown = column?.get(row);
      tr.insertCell().textContent = format(dates[c] && typeof value === "number" ? new Date(value) : value);
    });
  }
  const caption = figure.appendChild(document.createElement("figcaption"));
  const rows = `${table.numRows.toLocaleString("en-US")} row${table.numRows === 1 ? "" : "s"}`;
  caption.textContent = table.numRows > SHOWN_ROWS ? `${rows} (first ${SHOWN_ROWS} shown)` : rows;
  return figure;
}

function format(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && Symbol.iterator in value) {
    // A vector (an embedding) shows its first items and its length, not hundreds of numbers.
    const items = [...(value as Iterable<unknown>)];
    const head = items.slice(0, SHOWN_ITEMS).map(format).join(", ");
    return items.length > SHOWN_ITEMS ? `[${head}, … ${items.length} items]` : `[${head}]`;
  }
  return String(value);
}
