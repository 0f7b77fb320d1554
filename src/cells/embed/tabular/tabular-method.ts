import type {Vector} from "apache-arrow";
import {columnKind} from "../../dataset/column-values.ts";
import type {Dataset} from "../../dataset/dataset.ts";
import {DatasetError, type DatasetProblem} from "../../dataset/errors.ts";
import {EmbedError} from "../errors.ts";
import {presentRows, type MethodResult} from "../method-result.ts";
import type {EmbedOptions} from "../options.ts";
import type {Ticker} from "../ticker.ts";
import {categoricalEncoder, numericEncoder, type ColumnEncoder} from "./encoders.ts";

const DEFAULT_MAX_CATEGORIES = 20;
const ROWS_PER_TICK = 1000;

/**
 * "tabular": each row's features side by side, numbers standardized and categories one-hot (encoders.ts), in
 * the order of the columns. Statistics come from `options.reference` (default: the dataset). A row whose
 * every feature is null gets no vector.
 */
export async function tabularMethod(
  dataset: Dataset,
  options: EmbedOptions,
  ticker: Ticker
): Promise<MethodResult> {
  const maxCategories = options.maxCategories ?? DEFAULT_MAX_CATEGORIES;
  if (!Number.isInteger(maxCategories) || maxCategories < 1)
    throw new EmbedError("tabular", `maxCategories must be a positive integer, not ${maxCategories}`);
  const names = options.columns ?? dataset.schema.features;
  if (!names.length)
    throw new DatasetError(dataset.source, [{message: `no feature columns to embed (pass "columns")`}]);
  const encoders = columnEncoders(dataset, options.reference ?? dataset, names, maxCategories);
  const dim = encoders.reduce((sum, encoder) => sum + encoder.width, 0);
  if (dim === 0)
    throw new DatasetError(dataset.source, [
      {message: `the columns ${names.join(", ")} hold no values to embed`}
    ]);
  const n = dataset.numRows;
  const vectors = new Float32Array(n * dim);
  const has = new Uint8Array(n);
  for (let row = 0; row < n; ++row) {
    if (row % ROWS_PER_TICK === 0) await ticker.tick(row / n, "tabular");
    let offset = row * dim;
    let any = false;
    for (const encoder of encoders) {
      any = encoder.encode(row, vectors, offset) || any;
      offset += encoder.width;
    }
    if (any) has[row] = 1;
    else vectors.fill(0, row * dim, (row + 1) * dim);
  }
  await ticker.tick(1, "tabular");
  return {dim, vectors, rows: presentRows(has), warnings: []};
}

/** An encoder per column, or one DatasetError listing every unknown or unusable column. */
function columnEncoders(
  dataset: Dataset,
  reference: Dataset,
  names: readonly string[],
  maxCategories: number
): ColumnEncoder[] {
  const problems: DatasetProblem[] = [];
  const encoders: ColumnEncoder[] = [];
  for (const name of names) {
    const column = dataset.table.getChild(name) as Vector | null;
    const fit = reference.table.getChild(name) as Vector | null;
    if (!column || !fit) {
      problems.push({
        message: `unknown column: "${name}"${column ? ` in the reference ${reference.source}` : ""}`
      });
      continue;
    }
    const kind = columnKind(column.type);
    if (kind === undefined || columnKind(fit.type) !== kind) {
      const why =
        kind === undefined ? `${column.type}` : `${column.type} here but ${fit.type} in the reference`;
      problems.push({
        column: name,
        message: `cannot embed ${why} (expected numbers, dates, text or booleans)`
      });
      continue;
    }
    encoders.push(
      kind === "continuous" ? numericEncoder(column, fit) : categoricalEncoder(column, fit, maxCategories)
    );
  }
  if (problems.length) throw new DatasetError(dataset.source, problems);
  return encoders;
}
