import {redact} from "./secrets/redact.ts";

/** Why a cell has no value; each kind maps to a different fix for the user. */
export type CellErrorKind =
  | "syntax" // the source does not parse: fix the code at the line shown
  | "runtime" // the cell threw (or rejected) while computing
  | "undefined" // it references a name no cell or builtin defines
  | "input" // an input it depends on failed: fix that cell
  | "circular" // cells depend on each other in a loop
  | "duplicate"; // two cells define the same name

/** The error of one cell: names the cell and where it is in the notebook file, keeps the original as `cause`. */
export class CellError extends Error {
  override readonly name = "CellError";
  constructor(
    readonly kind: CellErrorKind,
    message: string,
    /** The cell's name (`x`, `viewof x`) or null for an anonymous cell. */
    readonly cellName: string | null,
    /** 1-based line in the notebook file where the problem is (the cell's first line when not known better). */
    readonly line: number,
    options?: {cause?: unknown; column?: number; input?: string}
  ) {
    super(message, options?.cause === undefined ? undefined : {cause: options.cause});
    this.column = options?.column;
    this.input = options?.input;
  }
  /** 1-based column, for syntax errors. */
  readonly column: number | undefined;
  /** For `input` and `undefined` errors, the name of the input. */
  readonly input: string | undefined;

  /** The same error for the cell moved by `lines` in the file (lines added or removed above it). */
  shifted(lines: number): CellError {
    if (lines === 0) return this;
    const {cause} = this as {cause?: unknown};
    return new CellError(this.kind, this.message, this.cellName, this.line + lines, {
      ...(cause === undefined ? {} : {cause}),
      ...(this.column === undefined ? {} : {column: this.column}),
      ...(this.input === undefined ? {} : {input: this.input})
    });
  }

  /**
   * `x (line 12): message`; anonymous cells are named by their line alone. Whatever shows it, the text holds no
   * URL credentials nor anything shaped like a key (the page and the runner also take out password values).
   */
  describe(): string {
    const where = this.column === undefined ? `line ${this.line}` : `line ${this.line}:${this.column}`;
    return redact(`${this.cellName === null ? where : `${this.cellName} (${where})`}: ${this.message}`);
  }
}
