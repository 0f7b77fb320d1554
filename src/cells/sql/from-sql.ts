import {Type, type Field} from "apache-arrow";
import {isNumeric, isTemporal} from "../dataset/column-types.ts";
import {DatasetError, type DatasetProblem} from "../dataset/errors.ts";
import {normalizeSchemaSpec} from "../dataset/normalize-schema.ts";
import {resolveSchema} from "../dataset/resolve-schema.ts";
import type {PhoenixSchemaJson, SchemaSpec} from "../dataset/schema.ts";
import {datasetTimeRange} from "../drift/windows.ts";
import {checkOptions, type OptionKeys} from "../options.ts";
import type {SqlDatabase} from "./database.ts";
import {duckdb, type SqlDialect} from "./dialect.ts";
import {countAt, numberAt} from "./read.ts";
import type {SqlDataset, SqlEmbedding} from "./sql-dataset.ts";
import {ident, sql, Sql} from "./sql.ts";
import {runQuery} from "./run-query.ts";

/** Options of `fromSql`: what px.load takes, and the query's parameters. */
export interface FromSqlOptions {
  /** What the columns mean; our camelCase schema or Phoenix's `schema.json`. Default: every column a feature. */
  readonly schema?: SchemaSpec | PhoenixSchemaJson;
  /** The dataset's name, shown in the views and in exports. Default: "primary". */
  readonly name?: string;
  /** Values of the query's `?` parameters, in order. Default: none. */
  readonly params?: readonly unknown[];
  /** Epoch ms given to every row when the schema has no timestamp. Default: the time of the call. */
  readonly loadTime?: number;
  /** How the database spells lists, epochs, NaN tests and samples. Default: DuckDB's. */
  readonly dialect?: SqlDialect;
}

const FROM_SQL_OPTIONS: OptionKeys<FromSqlOptions> = {
  schema: true,
  name: true,
  params: true,
  loadTime: true,
  dialect: true
};

/** A table of the database, by name: `{table: "events"}`, or `{table: ["lake", "events"]}` when qualified. */
export interface SqlTable {
  /** The table's name, or its qualified name part by part (each part quoted on its own). */
  readonly table: string | readonly string[];
}

/**
 * A Phoenix dataset that stays in a database: a table or a query read through `db` (a SQL cell's client), with
 * the schema px.load takes. px.embeddingDrift, px.featureDrift and px.dataQuality compute on it in SQL, and
 * px.project draws its sample in SQL: only summaries and the sample reach JavaScript. Reads the columns, the
 * row count and the time range (one pass over the timestamp column).
 *
 * @param db - The database: any object with `query(text, params) → Promise<Arrow Table>`.
 * @param source - A query (`"SELECT * FROM 'events.parquet'"`, values as `?` with `params`) or `{table}`.
 * @param options - The schema, the dataset's name and the query's parameters.
 */
export async function fromSql(
  db: SqlDatabase,
  source: string | SqlTable,
  options: FromSqlOptions = {}
): Promise<SqlDataset> {
  checkOptions("px.fromSql", options, FROM_SQL_OPTIONS);
  if (typeof db?.query !== "function")
    throw new TypeError(
      "px.fromSql: the first argument must be a database (an object with query(text, params))"
    );
  const dialect = options.dialect ?? duckdb;
  const {relation, label} = relationOf(source, options.params ?? []);
  const base = {database: db, dialect, source: label};
  const empty = await runQuery(base, sql`SELECT * FROM ${relation} LIMIT 0`);
  const fields = empty.schema.fields;
  const spec = normalizeSchemaSpec(options.schema);
  const {schema, problems, warnings} = resolveSchema(
    spec,
    fields.map((field) => field.name)
  );
  if (problems.length) throw new DatasetError(label, problems);
  const loadTime = options.loadTime ?? Date.now();
  const time = timeExpression(label, dialect, fields, schema.timestamp, loadTime);
  const stats = await runQuery(
    base,
    sql`SELECT count(*) AS "rows", count(${time}) AS "timed", min(${time}) AS "first", max(${time}) AS "last",
      sum(CASE WHEN ${dialect.isFinite(time)} THEN 0 ELSE 1 END) AS "infinite" FROM ${relation}`
  );
  const numRows = countAt(stats, "rows", 0);
  const timeProblems: DatasetProblem[] = [];
  const column = schema.timestamp ?? undefined;
  if (numRows === 0) timeProblems.push({message: "no rows"});
  const missing = numRows - countAt(stats, "timed", 0);
  if (missing > 0) timeProblems.push({column, message: `${missing} missing timestamps`});
  else if (countAt(stats, "infinite", 0) > 0)
    timeProblems.push({
      column,
      message: `${countAt(stats, "infinite", 0)} timestamps that are NaN or infinite`
    });
  if (timeProblems.length) throw new DatasetError(label, timeProblems);
  const timeRange = datasetTimeRange(
    Float64Array.of(numberAt(stats, "first", 0)!, numberAt(stats, "last", 0)!)
  );
  const embeddings: Record<string, SqlEmbedding> = {};
  for (const [feature, {vector}] of Object.entries(schema.embeddings))
    embeddings[feature] = await embeddingOf({...base, relation}, fields, vector);
  return {
    kind: "sql",
    ...base,
    name: options.name ?? "primary",
    relation,
    fields,
    schema,
    spec,
    loadTime,
    numRows,
    time,
    timeRange,
    embeddings,
    warnings
  };
}

function relationOf(source: string | SqlTable, params: readonly unknown[]): {relation: Sql; label: string} {
  if (typeof source === "string") {
    const text = source.trim().replace(/;\s*$/, "");
    const short = text.replace(/\s+/g, " ");
    const label = `query "${short.length > 60 ? `${short.slice(0, 59)}…` : short}"`;
    // The newline ends a trailing `-- comment` before the closing parenthesis.
    return {
      relation: sql`(${new Sql(text, params)}
) AS "px_source"`,
      label
    };
  }
  if (params.length) throw new TypeError("px.fromSql: params are for a query, not a table");
  const parts = typeof source?.table === "string" ? [source.table] : source?.table;
  if (!Array.isArray(parts) || parts.length === 0)
    throw new TypeError("px.fromSql: the source must be a query (text) or {table: name}");
  const name = parts.map((part: string) => ident(part).text).join(".");
  return {relation: sql`${new Sql(name, [])} AS "px_source"`, label: `table ${name}`};
}

// Timestamps in epoch ms as px.load reads them: numbers are UNIX seconds, dates and timestamps are UTC.
function timeExpression(
  label: string,
  dialect: SqlDialect,
  fields: readonly Field[],
  column: string | null,
  loadTime: number
): Sql {
  if (column === null) return sql`CAST(${loadTime} AS DOUBLE)`;
  const type = fields.find((field) => field.name === column)!.type;
  if (isNumeric(type)) return sql`(CAST(${ident(column)} AS DOUBLE) * 1000)`;
  if (isTemporal(type)) return dialect.epochMs(ident(column));
  // Engines read zones in ISO text each their own way (and zone-less text in the session's zone).
  throw new DatasetError(label, [
    {column, message: `timestamps must be numbers, dates or timestamps, not ${type} (CAST them in the query)`}
  ]);
}

async function embeddingOf(
  dataset: Pick<SqlDataset, "database" | "dialect" | "source" | "relation">,
  fields: readonly Field[],
  column: string
): Promise<SqlEmbedding> {
  const type = fields.find((field) => field.name === column)!.type;
  const child =
    type.typeId === Type.List || type.typeId === Type.FixedSizeList ? type.children[0]?.type : null;
  if (!child || !isNumeric(child))
    throw new DatasetError(dataset.source, [
      {column, message: `vectors must be lists of numbers, not ${type}`}
    ]);
  const vector = ident(column);
  const first = await runQuery(
    dataset,
    sql`SELECT ${dataset.dialect.length(vector)} AS "dim" FROM ${dataset.relation} WHERE ${vector} IS NOT NULL LIMIT 1`
  );
  return {column, dim: first.numRows ? countAt(first, "dim", 0) : 0};
}
