// FileAttachment.xlsx(): Observable's Workbook over exceljs (the library Observable uses), loaded with the
// first spreadsheet. Pages get exceljs's browser bundle (its package.json "browser" field), Node its own entry.
import type {CellValue, Workbook as ExcelWorkbook, Worksheet} from "exceljs";
import {FileAttachmentError} from "./file-source.ts";

/** Options of Workbook.sheet(). */
export interface SheetOptions {
  /** The cells to read, as "A1:C10", "B:D" (whole columns), "2:" (from row 2) … Default: the whole sheet. */
  range?: string;
  /** Take the range's first row as the column names (else the letters A, B, …). Default: false. */
  headers?: boolean;
}

/**
 * A sheet's rows: objects keyed by column, each with its row number as a non-enumerable `#`; `columns` lists
 * "#" then the column names, as Observable's do.
 */
export type SheetRows = Record<string, unknown>[] & {columns: string[]};

/** An Excel workbook, as Observable's: its sheets' names, and each sheet's rows. */
export class Workbook {
  /** The sheets' names, in the workbook's order. */
  readonly sheetNames: readonly string[];
  readonly #workbook: ExcelWorkbook;
  readonly #file: string;

  constructor(workbook: ExcelWorkbook, file: string) {
    this.#workbook = workbook;
    this.#file = file;
    this.sheetNames = workbook.worksheets.map((sheet) => sheet.name);
  }

  /** The rows of the sheet named `name`, or at index `name`; a missing sheet is an error naming the file. */
  sheet(name: string | number, options: SheetOptions = {}): SheetRows {
    const sheetName = typeof name === "number" ? this.sheetNames[name] : String(name);
    const sheet = sheetName === undefined ? undefined : this.#workbook.getWorksheet(sheetName);
    if (!sheet) {
      const names = this.sheetNames.map((n) => JSON.stringify(n)).join(", ");
      throw new FileAttachmentError(
        this.#file,
        `no sheet ${JSON.stringify(name)} in "${this.#file}" (sheets: ${names})`
      );
    }
    try {
      return rows(sheet, options);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new FileAttachmentError(this.#file, `sheet "${sheetName}" of "${this.#file}": ${why}`, {
        cause: error
      });
    }
  }
}

/** Opens the workbook in `buffer`; errors name `file`. */
export async function openWorkbook(buffer: ArrayBuffer, file: string): Promise<Workbook> {
  const module = await import("exceljs");
  // The Node entry is CommonJS and the browser bundle UMD: the namespace is their default export, or is them.
  const ExcelJS = (module as unknown as {default?: typeof module}).default ?? module;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  return new Workbook(workbook, file);
}

function rows(sheet: Worksheet, {range, headers = false}: SheetOptions): SheetRows {
  const [[c0, r0], [c1, r1]] = parseRange(range, sheet);
  const header = headers ? sheet.getRow(r0 + 1) : null;
  const first = headers ? r0 + 1 : r0;
  // Column names: the header's text, else the letter; a repeated name (or "#") gets underscores until unique.
  const taken = new Set(["#"]);
  const names: string[] = [];
  for (let c = c0; c <= c1; ++c) {
    const value = header ? valueOf(header.getCell(c + 1).value) : null;
    let name = value === null || value === undefined || value === "" ? columnName(c) : String(value);
    while (taken.has(name)) name += "_";
    taken.add(name);
    names.push(name);
  }
  const output: Record<string, unknown>[] = [];
  for (let r = first; r <= r1; ++r) {
    const row: Record<string, unknown> = Object.create(null, {"#": {value: r + 1}});
    const cells = sheet.getRow(r + 1);
    if (cells.hasValues) {
      for (let c = c0; c <= c1; ++c) {
        const value = valueOf(cells.getCell(c + 1).value);
        if (value !== null && value !== undefined) row[names[c - c0]!] = value;
      }
    }
    output.push(row);
  }
  return Object.assign(output, {columns: ["#", ...names]});
}

// A cell's value as Observable gives it: a formula's result (NaN for an error), rich text as its text, a
// hyperlink as "url text" (or just the text when they are the same), an error cell as NaN.
function valueOf(value: CellValue): unknown {
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as {result?: unknown}).result;
    return result !== null && typeof result === "object" && "error" in result ? NaN : result;
  }
  if ("richText" in value) return plainText(value);
  if ("hyperlink" in value) {
    // Typed as a string, a link's text is rich text when the cell is formatted.
    const text: unknown = value.text;
    const plain = typeof text === "string" ? text : plainText(text as {richText: {text: string}[]});
    return value.hyperlink && value.hyperlink !== plain ? `${value.hyperlink} ${plain}` : plain;
  }
  if ("error" in value) return NaN;
  return value;
}

function plainText({richText}: {richText: readonly {text: string}[]}): string {
  return richText.map((run) => run.text).join("");
}

// "A1:C10" → zero-based [[column, row], [column, row]]; a part left out is the sheet's edge.
function parseRange(range = ":", sheet: Worksheet): [[number, number], [number, number]] {
  const match = /^([A-Z]*)(\d*):([A-Z]*)(\d*)$/.exec(String(range));
  if (!match) throw new Error(`invalid range: ${JSON.stringify(range)} (expected e.g. "A1:C10")`);
  const [, cs0, rs0, cs1, rs1] = match as unknown as [string, string, string, string, string];
  return [
    [cs0 ? columnIndex(cs0) : 0, rs0 ? Number(rs0) - 1 : 0],
    [cs1 ? columnIndex(cs1) : sheet.columnCount - 1, rs1 ? Number(rs1) - 1 : sheet.rowCount - 1]
  ];
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** "A" → 0, "Z" → 25, "AA" → 26. */
function columnIndex(name: string): number {
  let n = 0;
  for (const letter of name) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n - 1;
}
