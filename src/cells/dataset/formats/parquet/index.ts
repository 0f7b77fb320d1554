import {Table, Vector, type Data} from "apache-arrow";
import {DatasetError} from "../../errors.ts";
import {errorMessage, type RandomAccess} from "../../sources/index.ts";
import {loadDecompressors} from "./codecs.ts";
import {planColumns, type ColumnPlan} from "./column-plan.ts";
import type {ColumnMetaData, FileMetaData} from "./hyparquet.ts";
import {readMetadata} from "./metadata.ts";
import {FlatColumnReader} from "./flat-column.ts";
import {ScalarColumnReader} from "./scalar-column.ts";
import {VectorColumnReader} from "./vector-column.ts";

type ColumnReader = VectorColumnReader | FlatColumnReader | ScalarColumnReader;

/**
 * Reads a Parquet file into an Arrow table of one record batch, row group by row group and column by
 * column, so that only one column chunk (for embeddings, one window of pages) is in memory next to the
 * decoded data. Embedding columns take one fast path (VectorColumnReader), flat numbers, timestamps and
 * strings another (FlatColumnReader); the rest (booleans, decimals, nested lists…) hyparquet's decoder.
 */
export async function readParquet(file: RandomAccess, name: string, signal?: AbortSignal): Promise<Table> {
  const metadata = await readMetadata(file, name);
  const plans = planColumns(metadata);
  const unsupported = plans.filter((plan) => plan.kind === "unsupported");
  if (unsupported.length) {
    throw new DatasetError(
      name,
      unsupported.map((plan) => ({column: plan.name, message: plan.why}))
    );
  }
  const numRows = Number(metadata.num_rows);
  const readers = plans.map((plan) => columnReader(plan, metadata, numRows));
  const codecs = metadata.row_groups.flatMap((group) => group.columns.map((chunk) => chunk.meta_data!.codec));
  const decompressors = await loadDecompressors(codecs);
  for (const group of metadata.row_groups) {
    const chunks = new Map(
      group.columns.map((chunk) => [chunk.meta_data!.path_in_schema.join("."), chunk.meta_data!])
    );
    for (const [i, reader] of readers.entries()) {
      signal?.throwIfAborted();
      const plan = plans[i] as Exclude<ColumnPlan, {kind: "unsupported"}>;
      await failsAs(name, plan.name, async () => {
        const meta = chunks.get(plan.path);
        if (!meta) throw new Error(`no column chunk in a row group`);
        const decompress = decompressors.get(meta.codec);
        if (!decompress) throw new Error(`${meta.codec} compression is not supported`);
        await reader.readChunk(file, meta, Number(group.num_rows), decompress);
      });
    }
  }
  const columns: Record<string, Vector> = {};
  for (const [i, reader] of readers.entries()) {
    const data = await failsAs(name, plans[i]!.name, async (): Promise<Data> => reader.finish());
    if (data.length !== numRows) {
      throw new DatasetError(name, [
        {column: plans[i]!.name, message: `${data.length} values for ${numRows} rows`}
      ]);
    }
    columns[plans[i]!.name] = new Vector([data]);
  }
  return new Table(columns);
}

function columnReader(plan: ColumnPlan, metadata: FileMetaData, numRows: number): ColumnReader {
  if (plan.kind === "vector") {
    const slots = metadata.row_groups.reduce(
      (sum, group) => sum + Number(chunkOf(group.columns, plan.path)?.num_values ?? 0),
      0
    );
    return new VectorColumnReader(numRows, slots, plan.levels, plan.leaf);
  }
  if (plan.kind === "flat" && plan.fast) {
    const optional = plan.nodes.at(-1)!.element.repetition_type === "OPTIONAL";
    return new FlatColumnReader(numRows, plan.type, plan.fast, optional);
  }
  return new ScalarColumnReader(plan as Extract<ColumnPlan, {kind: "flat" | "nested"}>);
}

function chunkOf(chunks: readonly {meta_data?: ColumnMetaData}[], path: string): ColumnMetaData | undefined {
  return chunks.find((chunk) => chunk.meta_data?.path_in_schema.join(".") === path)?.meta_data;
}

// Corrupt or unsupported data in a column becomes a DatasetError naming the file and the column.
async function failsAs<T>(name: string, column: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DatasetError || (error instanceof Error && error.name === "AbortError")) throw error;
    throw new DatasetError(name, [{column, message: `could not read: ${errorMessage(error)}`}], {
      cause: error
    });
  }
}
