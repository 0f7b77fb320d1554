import {DataType, type Dictionary, type Table} from "apache-arrow";
import {TextBytes} from "./text-bytes.ts";
import {valueText} from "./value-text.ts";

/**
 * CSV as RFC 4180 writes it: a header of column names, CRLF line ends, and a field quoted (its quotes
 * doubled) when it holds a comma, a quote or a line break. Null is an empty field, and so is the empty
 * string: CSV cannot tell them apart. Values are written as `valueText` says (vectors as JSON arrays).
 * Text (column names and text values, never numbers) that a spreadsheet would run as a formula gets a
 * leading `'`, as OWASP's CSV injection guidance says: see `formulaSafe`.
 */
export function writeCsv(table: Table): Uint8Array<ArrayBuffer> {
  const out = new TextBytes();
  const fields = table.schema.fields;
  const columns = fields.map((field) => ({
    vector: table.getChild(field.name)!,
    text: valueText(field.type),
    isText: isText(field.type)
  }));
  out.append(fields.map((field) => quoted(formulaSafe(field.name))).join(",") + "\r\n");
  for (let row = 0; row < table.numRows; ++row) {
    let line = "";
    for (let j = 0; j < columns.length; ++j) {
      const {vector, text, isText} = columns[j]!;
      const field = text.text(vector.get(row));
      line += (j ? "," : "") + quoted(isText ? formulaSafe(field) : field);
    }
    out.append(line + "\r\n");
  }
  return out.finish();
}

function quoted(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * Text starting with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel, LibreOffice and
 * Google Sheets (`=HYPERLINK(…)`, `-2+3`, `@SUM(…)`): the leading `'` makes them show it as text. Only text
 * is escaped: a number's `-3.5` is no formula, and must read back as the number it is.
 */
function formulaSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function isText(type: DataType): boolean {
  if (DataType.isDictionary(type)) return isText((type as Dictionary).dictionary);
  return DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isUtf8View(type);
}
