// The selection table's extra columns read from the datasets' Arrow tables.
import assert from "node:assert/strict";
import {test} from "node:test";
import {load} from "../../../src/cells/dataset/load.ts";
import {tableColumns} from "../../../src/components/selection-table/columns.ts";
import {cellText} from "../../../src/components/selection-table/cell-text.ts";

test("tableColumns() shows a timestamp column as a time, not as epoch milliseconds", async () => {
  const production = await load("notebooks/data/support-tickets-production.parquet");
  const rows = {
    dataset: new Uint8Array(2),
    row: Int32Array.of(0, 1199),
    point: Int32Array.of(-1, -1),
    distance: null
  };
  const data = {dataset: rows.dataset, row: rows.row, datasets: [production]};
  const created = tableColumns(data, rows, {columns: ["created_at"]}).find((c) => c.label === "created_at")!;
  // The production tickets run from Monday Feb 5 to Sunday Mar 3, 2024 (scripts/data/make-support-tickets.ts).
  assert.match(cellText(created.value(0)), /^2024-02-05T\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.match(cellText(created.value(1)), /^2024-03-0[1-3]T/);
});

test("cellText() gives bytes' size with the noun in the singular for one byte", () => {
  assert.deepEqual([cellText(Uint8Array.of(7)), cellText(Uint8Array.of(7, 8))], ["1 byte", "2 bytes"]);
});
