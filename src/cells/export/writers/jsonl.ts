import type {Table} from "apache-arrow";
import {TextBytes} from "./text-bytes.ts";
import {valueText} from "./value-text.ts";

/**
 * JSON Lines: one object per row, keys in column order, every column present (null where the value is).
 * Values are written as `valueText` says: vectors as arrays, timestamps as ISO text, NaN and ±Infinity as
 * null, 64-bit integers beyond 2^53 as strings.
 */
export function writeJsonl(table: Table): Uint8Array<ArrayBuffer> {
  const out = new TextBytes();
  const columns = table.schema.fields.map((field) => ({
    key: JSON.stringify(field.name) + ":",
    vector: table.getChild(field.name)!,
    text: valueText(field.type)
  }));
  for (let row = 0; row < table.numRows; ++row) {
    let line = "{";
    for (let j = 0; j < columns.length; ++j) {
      const {key, vector, text} = columns[j]!;
      line += (j ? "," : "") + key + text.json(vector.get(row));
    }
    out.append(line + "}\n");
  }
  return out.finish();
}
