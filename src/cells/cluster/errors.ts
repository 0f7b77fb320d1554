/**
 * What `cluster()` throws: bad input points or options. Like every algorithm error of the cells layer it
 * names its stage, so the cell that shows it can say which step of the pipeline failed.
 */
export class ClusterError extends Error {
  override readonly name = "ClusterError";
  /** The pipeline stage that failed. */
  readonly stage = "hdbscan" as const;

  /**
   * @param message - What is wrong, naming the bad value; the error's message is `cluster: message`.
   * @param options - `cause`: the error behind it, kept.
   */
  constructor(message: string, options?: ErrorOptions) {
    super(`cluster: ${message}`, options);
  }
}
