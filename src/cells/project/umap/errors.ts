/** The stage of a UMAP run: nearest neighbours, fuzzy graph, or the layout's optimization. */
export type UmapStage = "knn" | "graph" | "layout";

/** A UMAP input or option that cannot be used; `stage` says which step refused it. */
export class UmapError extends Error {
  override readonly name = "UmapError";

  constructor(
    readonly stage: UmapStage,
    message: string,
    options?: ErrorOptions
  ) {
    super(`umap ${stage}: ${message}`, options);
  }
}
