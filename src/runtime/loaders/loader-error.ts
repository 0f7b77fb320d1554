/** A data loader that did not produce its output: names the interpreter, with its exit code and stderr. */
export class LoaderError extends Error {
  override name = "LoaderError";
  /** The interpreter, as errors name it (`node`, `python3`, `.venv/bin/python3`). */
  readonly interpreter: string;
  /** Its exit code, when it exited. */
  readonly exitCode: number | undefined;
  /** The end of what it wrote to stderr, trimmed. */
  readonly stderr: string;

  constructor(
    interpreter: string,
    summary: string,
    {exitCode, stderr = "", cause}: {exitCode?: number; stderr?: string; cause?: unknown} = {}
  ) {
    super(stderr ? `${summary}\n${stderr}` : summary, cause === undefined ? undefined : {cause});
    this.interpreter = interpreter;
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
}
