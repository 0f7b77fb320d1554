import {Field, List, type DataType} from "apache-arrow";
import type {SchemaTree} from "hyparquet";
import {parquetArrowType} from "../../arrow/parquet-types.ts";

/**
 * The Arrow type of a top-level Parquet column: a primitive column as px.load maps it (parquetArrowType, the
 * one mapping both readers share), a LIST of primitives as List<that type> (embeddings as List<Float32>), or
 * null where there is none we map to (structs, maps, nested lists): those are left to Arrow's inference.
 */
export function arrowType(node: SchemaTree): DataType | null {
  const item = listItem(node);
  if (item !== undefined) {
    const type = item && item.children.length === 0 ? parquetArrowType(item.element) : null;
    return type && new List(new Field("element", type, true));
  }
  return node.children.length === 0 ? parquetArrowType(node.element) : null;
}

// The item of a list column: the standard three levels (`group (LIST) { repeated group list { element } }`),
// the legacy two (`group (LIST) { repeated element }`), or a bare repeated field. undefined if not a list,
// null if a list whose item we cannot find.
function listItem(node: SchemaTree): SchemaTree | null | undefined {
  const {element, children} = node;
  if (element.repetition_type === "REPEATED" && children.length === 0) return node;
  if (element.logical_type?.type !== "LIST" && element.converted_type !== "LIST") return undefined;
  const repeated = children[0];
  if (!repeated || children.length !== 1) return null;
  if (repeated.children.length === 0) return repeated;
  return repeated.children.length === 1 ? (repeated.children[0] ?? null) : null;
}
