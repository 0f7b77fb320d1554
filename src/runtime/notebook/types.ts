/**
 * A cell's language, from its `<script type>`: JavaScript as Notebook Kit writes it (`js`, a module whose
 * top-level declarations are outputs), TypeScript (`ts`, the same with types), Observable JavaScript (`ojs`),
 * Markdown, HTML, TeX (`tex`, rendered as `tex.block`) or Graphviz DOT (`dot`); SQL (`sql`, a query on
 * DuckDB whose result is an Arrow table); or a data loader (`node`, `python`), run ahead by an interpreter in
 * Node (loaders/).
 */
export type CellMode = "js" | "ts" | "ojs" | "md" | "html" | "tex" | "dot" | "sql" | "node" | "python";

/** The MIME type each mode is written with in the notebook file. */
export const cellTypes: Readonly<Record<CellMode, string>> = {
  js: "module",
  ts: "text/x-typescript",
  ojs: "application/vnd.observable.javascript",
  md: "text/markdown",
  html: "text/html",
  tex: "application/x-tex",
  dot: "text/vnd.graphviz",
  sql: "application/sql",
  node: "application/vnd.node.javascript",
  python: "text/x-python"
};

declare const cellIdBrand: unique symbol;
/** A cell's id within its notebook: the script's `id` attribute, or its position when it has none. */
export type CellId = number & {readonly [cellIdBrand]: true};

export const CellId = {
  create(value: number): CellId {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`invalid cell id: ${value}`);
    return value as CellId;
  }
};

export interface Cell {
  /** Unique within the notebook; stable across edits when the file carries `id` attributes. */
  readonly id: CellId;
  /** The cell's language. */
  readonly mode: CellMode;
  /** The source, dedented, without leading or trailing blank lines. */
  readonly source: string;
  /** Whether the source is shown beside the output (`pinned` attribute). Default: false. */
  readonly pinned: boolean;
  /** Whether the cell runs without showing anything in the page (`hidden` attribute). Default: false. */
  readonly hidden?: boolean;
  /**
   * Whether `build --bake` stores the cell's value (an Arrow table or a JSON-able value, or one a plugin's codec
   * knows) so that the built page shows it before computing it (`bake` attribute). Default: false.
   */
  readonly bake?: boolean;
  /** The `output` attribute (the name a non-JavaScript cell's result is bound to), kept for round trips. */
  readonly output?: string;
  /** The `format` attribute: how a data loader's output is read (text, json, csv…); kept for round trips. */
  readonly format?: string;
  /**
   * The `database` attribute of a SQL cell: `duckdb` (the notebook's DuckDB, also when absent) or `var:<name>`
   * (the client a variable holds); kept for round trips.
   */
  readonly database?: string;
  /** 1-based line of the notebook file where the source starts; 1 for cells made in code. */
  readonly line: number;
  /**
   * Columns before each line of the source in the file: the indentation the dedent took off. Default: 0 (cells
   * made in code). Errors add it back, so that their columns are the file's.
   */
  readonly indent?: number;
  /** The same for the source's first line, where it differs: one that starts on its tag's line. */
  readonly firstIndent?: number;
}

/** The columns before line `line` (1-based) of a cell's source in the notebook file (see Cell.indent). */
export function columnsBefore(cell: Cell, line: number): number {
  const indent = cell.indent ?? 0;
  return line === 1 ? (cell.firstIndent ?? indent) : indent;
}

export interface Notebook {
  /** The `<title>`, or "Untitled" when the file has none. */
  readonly title: string;
  /** The theme attribute of `<notebook>`, if any (kept for round trips). */
  readonly theme?: string;
  /** The `readonly` attribute of `<notebook>`: the page offers no editing (kept for round trips). */
  readonly readonly?: boolean;
  readonly cells: readonly Cell[];
}
