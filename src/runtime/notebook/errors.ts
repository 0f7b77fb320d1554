/** A notebook file that cannot be read as a notebook; names the file and the line. */
export class NotebookFormatError extends Error {
  override readonly name = "NotebookFormatError";
  constructor(
    message: string,
    /** The file, when known. */
    readonly file: string | undefined,
    /** 1-based line of the problem. */
    readonly line: number
  ) {
    super(`${file ?? "notebook"}:${line}: ${message}`);
  }
}
