/** One thing wrong with a dataset: where (file, column, rows) and what. */
export interface DatasetProblem {
  /** The column concerned, when there is one. */
  readonly column?: string;
  /** The first offending rows (0-based, in file order), at most a handful. */
  readonly rows?: readonly number[];
  /** The offending values, one per row in `rows` (as read: text quoted in the message). */
  readonly values?: readonly unknown[];
  /** What is wrong, in a few words: `timestamps that are not ISO-8601 text`. */
  readonly message: string;
}

const MAX_ROWS_SHOWN = 5;
/** Characters of a value shown before "…": enough to recognise it, short enough to keep the line. */
const MAX_VALUE_LENGTH = 40;

/** Every problem found in a dataset at once, each naming the file, column and first offending rows. */
export class DatasetError extends Error {
  override readonly name = "DatasetError";
  /** @param options - `cause`: the error behind the problems (a failed fetch, a parser's error), kept. */
  constructor(
    /** The file, URL or description of the data. */
    readonly source: string,
    /** Every problem found, each with its column and first offending rows. */
    readonly problems: readonly DatasetProblem[],
    options?: {cause?: unknown}
  ) {
    super(formatProblems(source, problems), options);
  }
}

function formatProblems(source: string, problems: readonly DatasetProblem[]): string {
  const lines = problems.map((problem) => {
    const column = problem.column === undefined ? "" : `column "${problem.column}": `;
    const rows = problem.rows?.length ? ` (${formatRows(problem.rows)})` : "";
    const values = problem.values?.length
      ? `: ${problem.values.slice(0, MAX_ROWS_SHOWN).map(quote).join(", ")}`
      : "";
    return `${column}${problem.message}${values}${rows}`;
  });
  if (lines.length === 1) return `${source}: ${lines[0]}`;
  return `${source}: ${lines.length} problems\n${lines.map((line) => `  - ${line}`).join("\n")}`;
}

// A value as JSON ("not-a-date", [1,"x"]), cut short when long; undefined and bigints as written.
function quote(value: unknown): string {
  const cut = (text: string) =>
    text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
  if (typeof value === "string") return JSON.stringify(cut(value));
  try {
    return cut(JSON.stringify(value) ?? String(value));
  } catch {
    return cut(String(value)); // a bigint, or a cycle
  }
}

function formatRows(rows: readonly number[]): string {
  const shown = rows.slice(0, MAX_ROWS_SHOWN).join(", ");
  return `${rows.length === 1 ? "row" : "rows"} ${shown}${rows.length > MAX_ROWS_SHOWN ? ", …" : ""}`;
}
