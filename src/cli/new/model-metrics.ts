import type {Dataset} from "../../index.ts";
import type {NotebookPlan} from "./plan.ts";

type Kind = NonNullable<NotebookPlan["performance"]>;

/**
 * The performance cells' kind, from either dataset (a reference with labels while the primary awaits them
 * still has its accuracy), and the dataset whose metrics are unavailable, with what it lacks: Phoenix scores
 * only rows with both values, so a side without a column has null metrics, not an error.
 */
export function modelMetrics(
  primary: Dataset,
  reference: Dataset | null
): Pick<NotebookPlan, "performance" | "unscored"> {
  const kinds = [kindOf(primary), reference ? kindOf(reference) : null];
  const performance = kinds[0] ?? kinds[1] ?? null;
  if (!performance || !reference) return {performance, unscored: null};
  const side = kinds[0] !== performance ? "primary" : "reference";
  const lacks = lacking(side === "primary" ? primary : reference, performance);
  return {performance, unscored: lacks.length ? {dataset: side, lacks} : null};
}

// Labels on both sides are a classifier's; scores on both sides (and no labels) a regression's.
function kindOf({schema}: Dataset): Kind | null {
  if (schema.predictionLabel && schema.actualLabel) return "classification";
  if (schema.predictionScore && schema.actualScore) return "regression";
  return null;
}

function lacking({schema}: Dataset, kind: Kind): string[] {
  const [predicted, actual] =
    kind === "classification"
      ? [schema.predictionLabel, schema.actualLabel]
      : [schema.predictionScore, schema.actualScore];
  const word = kind === "classification" ? "label" : "score";
  return [predicted === null ? `prediction ${word}` : "", actual === null ? `actual ${word}` : ""].filter(
    Boolean
  );
}
