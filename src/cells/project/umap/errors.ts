/** The stage of a UMAP run: nearest neighbours, fuzzy graph, or the layout's optimization. */
export type UmapStage = "knn" | "graph" | "layout";

/** A UMAP input or option that cannot be used; `stage` says which step refused it. */
export class UmapError extends Error {
  override readonly name = "UmapError";

  /**
   * @param message - What is wrong, naming the bad value; the error's message is `umap stage: message`.
   * @param options - `cause`: the error behind it, kept.
   */
  constructor(
    /** The step that refused the input or option. */
    readonly stage: UmapStage,
    message: string,
    options?: ErrorOptions
  ) {
    super(`umap ${stage}: ${message}`, options);
  }
}
