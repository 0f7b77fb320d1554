import {Type, type DataType, type Vector} from "apache-arrow";
import type {Dataset} from "../dataset/dataset.ts";
import {DatasetError} from "../dataset/errors.ts";

/** One column of an export: its name and type, and where each dataset holds it (null where it does not). */
export interface ExportColumn {
  readonly name: string;
  readonly type: DataType;
  /** Indexed like the datasets. */
  readonly sources: readonly (Vector | null)[];
}

/**
 * The union of the datasets' columns: the first dataset's in their order, then columns only a later one has.
 * A name holds one type in every dataset; a column of nulls only (Arrow's Null type) takes the other's type.
 * Anything else is a DatasetError naming the column and both types.
 */
export function exportColumns(datasets: readonly Dataset[]): ExportColumn[] {
  const names = [...new Set(datasets.flatMap((dataset) => dataset.table.schema.fields.map((f) => f.name)))];
  return names.map((name) => {
    const sources = datasets.map((dataset) => dataset.table.getChild(name) as Vector | null);
    let from = -1;
    for (const [d, source] of sources.entries()) {
      if (!source || source.type.typeId === Type.Null) continue;
      if (from < 0) from = d;
      else if (!sameType(sources[from]!.type, source.type)) throw conflict(datasets, name, from, d);
    }
    // When every dataset holding it has only nulls, the first one's Null type it is.
    const type = from < 0 ? sources.find((source) => source)!.type : sources[from]!.type;
    return {name, type, sources};
  });
}

// Arrow JS gives each dictionary type an id of its own, so its structural comparison would tell two
// dictionary columns of the same type apart; the printed type (`Dictionary<Int32, Utf8>`) does not.
function sameType(a: DataType, b: DataType): boolean {
  return String(a) === String(b);
}

function conflict(datasets: readonly Dataset[], name: string, a: number, b: number): DatasetError {
  const [first, second] = [datasets[a]!, datasets[b]!];
  const typeIn = (dataset: Dataset) => `${dataset.table.getChild(name)!.type} in ${dataset.name}`;
  return new DatasetError(`${first.source} and ${second.source}`, [
    {column: name, message: `cannot export: ${typeIn(first)} but ${typeIn(second)}`}
  ]);
}
