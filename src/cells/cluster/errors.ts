/**
 * What `cluster()` throws: bad input points or options. Like every algorithm error of the cells layer it
 * names its stage, so the cell that shows it can say which step of the pipeline failed.
 */
export class ClusterError extends Error {
  override readonly name = "ClusterError";
  /** The pipeline stage that failed. */
  readonly stage = "hdbscan" as const;

  constructor(message: string, options?: ErrorOptions) {
    super(`cluster: ${message}`, options);
  }
}
