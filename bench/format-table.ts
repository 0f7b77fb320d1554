import type {BenchTable} from "./suite.ts";

const numeric = /^[-+]?[\d.,]+(?:\s*[×%x]|\s*ms)?$/;

/** A plain-text table: a header, a rule, then rows; numbers right-aligned so their digits line up. */
export function formatTable({columns, rows}: BenchTable): string {
  const widths = columns.map((column, i) =>
    Math.max(column.length, ...rows.map((row) => (row[i] ?? "").length))
  );
  const line = (cells: readonly string[], header: boolean) =>
    widths
      .map((width, i) => {
        const cell = cells[i] ?? "";
        return !header && numeric.test(cell) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(columns, true), rule, ...rows.map((row) => line(row, false))].join("\n");
}
