import {DataType, type Dictionary, type Table} from "apache-arrow";
import {TextBytes} from "./text-bytes.ts";
import {valueText} from "./value-text.ts";

/**
 * CSV as RFC 4180 writes it: a header of column names, CRLF line ends, and a field quoted (its quotes
 * doubled) when it holds a comma, a quote or a line break, and also a semicolon or a tab: spreadsheets in
 * locales whose decimal mark is the comma split on `;`, and import dialogs offer tab, so unquoted
 * `x;=1+1` would be two cells there, the second a formula. Null is an empty field, and so is the empty
 * string: CSV cannot tell them apart. Values are written as `valueText` says (vectors as JSON arrays).
 * Text (column names, text values and binary's base64, never numbers) that a spreadsheet would run as a
 * formula gets a leading `'`, as OWASP's CSV injection guidance says: see `formulaSafe`.
 */
export function writeCsv(table: Table): Uint8Array<ArrayBuffer> {
  const out = new TextBytes();
  const fields = table.schema.fields;
  const columns = fields.map((field) => ({
    vector: table.getChild(field.name)!,
    text: valueText(field.type),
    guarded: isGuarded(field.type)
  }));
  out.append(fields.map((field) => quoted(formulaSafe(field.name))).join(",") + "\r\n");
  for (let row = 0; row < table.numRows; ++row) {
    let line = "";
    for (let j = 0; j < columns.length; ++j) {
      const {vector, text, guarded} = columns[j]!;
      const field = text.text(vector.get(row));
      line += (j ? "," : "") + quoted(guarded ? formulaSafe(field) : field);
    }
    out.append(line + "\r\n");
  }
  return out.finish();
}

// A quoted field is one cell whatever it holds, so a formula after a separator or a line break inside it
// is text in a cell that does not start with it: quoting is the whole guard there, as OWASP's examples show.
function quoted(field: string): string {
  return /[",;\t\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * Text starting with `=`, `+`, `-`, `@`, a tab, a carriage return or a line feed (OWASP's CSV Injection
 * page) or a NUL (OWASP ASVS 5.0, 1.2.10), or with `=`, `+`, `-` or `@` after blanks that an import may
 * trim (LibreOffice's "Trim spaces"), is a formula to a spreadsheet (`=HYPERLINK(…)`, `-2+3`, `@SUM(…)`):
 * the leading `'` makes it show the text. Numbers are never escaped: `-3.5` is no formula, and must read
 * back as the number it is.
 */
function formulaSafe(text: string): string {
  return /^(?:[\t\r\n\0]|\s*[=+\-@])/.test(text) ? `'${text}` : text;
}

// Text and binary (base64, whose alphabet has `+`): what the data's author wrote, not a number we format.
function isGuarded(type: DataType): boolean {
  if (DataType.isDictionary(type)) return isGuarded((type as Dictionary).dictionary);
  return (
    DataType.isUtf8(type) ||
    DataType.isLargeUtf8(type) ||
    DataType.isUtf8View(type) ||
    DataType.isBinary(type) ||
    DataType.isLargeBinary(type) ||
    DataType.isFixedSizeBinary(type) ||
    DataType.isBinaryView(type)
  );
}
