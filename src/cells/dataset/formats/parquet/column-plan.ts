import {Field, List, type DataType} from "apache-arrow";
import {arrowType} from "./arrow-types.ts";
import {flatFastPath, type FlatFastPath} from "./flat-types.ts";
import {
  parquetSchema,
  type ColumnMetaData,
  type FileMetaData,
  type SchemaElement,
  type SchemaTree
} from "./hyparquet.ts";
import type {ListLevels} from "./vector-column.ts";
import type {FloatLeaf} from "./vector-values.ts";

/** How one top-level column is read. */
export type ColumnPlan =
  /** A list of floats or doubles: the embedding fast path. */
  | {
      readonly kind: "vector";
      readonly name: string;
      readonly path: string;
      readonly leaf: FloatLeaf;
      readonly levels: ListLevels;
    }
  /** A column of single values: hyparquet's decoder, then a typed Arrow column. */
  | {
      readonly kind: "flat";
      readonly name: string;
      readonly path: string;
      readonly nodes: SchemaTree[];
      readonly type: DataType;
      /** How the flat fast path reads it; none: hyparquet's decoder. */
      readonly fast?: FlatFastPath;
    }
  /** Lists of anything else: hyparquet assembles them into arrays, an Arrow builder takes those. */
  | {
      readonly kind: "nested";
      readonly name: string;
      readonly path: string;
      readonly nodes: SchemaTree[];
      readonly type: DataType;
    }
  /** Structs and maps (several leaf columns): not read. */
  | {readonly kind: "unsupported"; readonly name: string; readonly why: string};

/** A plan per top-level column, in the file's order. */
export function planColumns(metadata: FileMetaData): ColumnPlan[] {
  const root = parquetSchema(metadata);
  return root.children.map((column) => {
    const name = column.element.name;
    // The chain from the column down to its one leaf; a node with several children makes a struct or map.
    const chain: SchemaTree[] = [column];
    for (let node = column; node.children.length; node = node.children[0]!) {
      if (node.children.length > 1)
        return {kind: "unsupported", name, why: "structs and maps are not supported"};
      chain.push(node.children[0]!);
    }
    const leaf = chain.at(-1)!.element;
    const path = chain.map((node) => node.element.name).join(".");
    const nodes = [root, ...chain];
    const repeated = chain.filter((node) => node.element.repetition_type === "REPEATED").length;
    if (repeated === 0) {
      if (chain.length > 1) return {kind: "unsupported", name, why: "structs are not supported"};
      const type = arrowType(leaf);
      const fast = flatFastPath(leaf, type, chunksOf(metadata, path));
      return {kind: "flat", name, path, nodes, type, ...(fast ? {fast} : {})};
    }
    if (repeated === 1 && chain.length <= 3 && isPlainFloat(leaf)) {
      return {kind: "vector", name, path, leaf: leaf.type as FloatLeaf, levels: listLevels(chain)};
    }
    // One List per repeated node, around the leaf's type.
    const type = chain.reduceRight<DataType>(
      (inner, node) =>
        node.element.repetition_type === "REPEATED" ? new List(new Field("item", inner, true)) : inner,
      arrowType(leaf)
    );
    return {kind: "nested", name, path, nodes, type};
  });
}

function chunksOf(metadata: FileMetaData, path: string): ColumnMetaData[] {
  return metadata.row_groups.flatMap((group) =>
    group.columns.flatMap((chunk) =>
      chunk.meta_data?.path_in_schema.join(".") === path ? [chunk.meta_data] : []
    )
  );
}

function isPlainFloat(element: SchemaElement): boolean {
  return (
    (element.type === "FLOAT" || element.type === "DOUBLE") &&
    !element.logical_type &&
    !element.converted_type
  );
}

// Each optional or repeated node adds a definition level. The one before the repeated node's is "the list
// exists (maybe empty)"; the repeated node's own is "an element exists (maybe null)".
function listLevels(chain: readonly SchemaTree[]): ListLevels {
  let def = 0;
  let elementDef = 0;
  for (const {element} of chain) {
    if (element.repetition_type === "REPEATED") elementDef = ++def;
    else if (element.repetition_type === "OPTIONAL") ++def;
  }
  return {maxDef: def, elementDef};
}
