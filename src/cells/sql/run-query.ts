import type {Table} from "apache-arrow";
import {DatasetError} from "../dataset/errors.ts";
import type {SqlDataset} from "./sql-dataset.ts";
import type {Sql} from "./sql.ts";

/** Runs a statement on a dataset's database; the engine's error becomes a DatasetError naming the source. */
export async function runQuery(
  dataset: Pick<SqlDataset, "database" | "source">,
  statement: Sql
): Promise<Table> {
  try {
    return await dataset.database.query(statement.text, statement.params);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new DatasetError(dataset.source, [{message: `the database refused a query: ${message}`}], {
      cause: error
    });
  }
}
