import type {Dataset, EmbeddingVectors} from "./dataset.ts";
import {DatasetError} from "./errors.ts";

/** The named embedding of a dataset, or an error listing the embeddings it has. */
export function embeddingOf(dataset: Dataset, name: string): EmbeddingVectors {
  const embedding = dataset.embeddings[name];
  if (embedding) return embedding;
  const known = Object.keys(dataset.embeddings);
  const expected = known.length
    ? `expected ${known.map((k) => `"${k}"`).join(", ")}`
    : "it has no embeddings";
  throw new DatasetError(dataset.source, [{message: `unknown embedding: "${name}" (${expected})`}]);
}

/** The named embedding of both datasets; an error when their dimensions differ. */
export function embeddingPair(
  primary: Dataset,
  reference: Dataset,
  name: string
): [EmbeddingVectors, EmbeddingVectors] {
  const a = embeddingOf(primary, name);
  const b = embeddingOf(reference, name);
  // An embedding without any vector has no dimension to compare (its drift has no value, as in Phoenix).
  if (a.dim !== b.dim && a.rows.length > 0 && b.rows.length > 0) {
    const column = primary.schema.embeddings[name]?.vector;
    throw new DatasetError(`${primary.source} and ${reference.source}`, [
      {
        ...(column ? {column} : {}),
        message: `embedding "${name}" has ${a.dim} dimensions in ${primary.name} but ${b.dim} in ${reference.name}`
      }
    ]);
  }
  return [a, b];
}
