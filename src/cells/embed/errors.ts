/** The step of an embedding that failed: reading its options, or one of the methods. */
export type EmbedStage = "options" | "words" | "tabular" | "pixels" | "provider";

/**
 * What `embed` throws when a method fails for a reason other than bad data (which is a DatasetError naming
 * the column and rows): the word-vector asset missing, an image that does not decode, an API's error. Names
 * its stage; keeps the cause.
 */
export class EmbedError extends Error {
  override readonly name = "EmbedError";

  /**
   * @param message - What failed; the error's message is `embed (stage): message`.
   * @param options - `cause`: the error behind it, kept.
   */
  constructor(
    /** The method that failed. */
    readonly stage: EmbedStage,
    message: string,
    options?: ErrorOptions
  ) {
    super(`embed (${stage}): ${message}`, options);
  }
}
