import type {Table} from "apache-arrow";
import {TextBytes} from "./text-bytes.ts";
import {valueText} from "./value-text.ts";

/**
 * CSV as RFC 4180 writes it: a header of column names, CRLF line ends, and a field quoted (its quotes
 * doubled) when it holds a comma, a quote or a line break. Null is an empty field, and so is the empty
 * string: CSV cannot tell them apart. Values are written as `valueText` says (vectors as JSON arrays).
 */
export function writeCsv(table: Table): Uint8Array<ArrayBuffer> {
  const out = new TextBytes();
  const fields = table.schema.fields;
  const columns = fields.map((field) => ({vector: table.getChild(field.name)!, text: valueText(field.type)}));
  out.append(fields.map((field) => quoted(field.name)).join(",") + "\r\n");
  for (let row = 0; row < table.numRows; ++row) {
    let line = "";
    for (let j = 0; j < columns.length; ++j) {
      const {vector, text} = columns[j]!;
      line += (j ? "," : "") + quoted(text.text(vector.get(row)));
    }
    out.append(line + "\r\n");
  }
  return out.finish();
}

function quoted(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
