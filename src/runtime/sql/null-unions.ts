import {DataType, type Field} from "apache-arrow";
import {quoteIdentifier, quoteString} from "./quote.ts";

/**
 * The statements that make NULL, at any depth of the table's columns, each union whose member holds NULL (see
 * unionPlan): one UPDATE per column that holds a union, none for the others.
 */
export function nullUnions(table: string, fields: readonly Field[]): string[] {
  return fields.flatMap((field) => {
    const column = quoteIdentifier(field.name);
    const fixed = withNullUnions(column, field.type, 0);
    return fixed === undefined ? [] : [`UPDATE ${quoteIdentifier(table)} SET ${column} = ${fixed}`];
  });
}

/** The SQL expression `x` (of Arrow type `type`) with its null-member unions NULL; undefined if it holds none. */
function withNullUnions(x: string, type: DataType, depth: number): string | undefined {
  const item = `e${depth}`;
  if (DataType.isUnion(type)) {
    const empty = type.children.map((member) => `union_extract(${x}, ${quoteString(member.name)}) IS NULL`);
    return `CASE WHEN ${empty.join(" AND ")} THEN NULL ELSE ${x} END`;
  }
  if (DataType.isDictionary(type)) return withNullUnions(x, type.dictionary, depth);
  if (DataType.isList(type) || DataType.isLargeList(type) || DataType.isFixedSizeList(type)) {
    const inner = withNullUnions(item, type.children[0]!.type, depth + 1);
    return inner && `list_transform(${x}, lambda ${item}: ${inner})`;
  }
  if (DataType.isMap(type)) {
    const inner = withNullUnions(`${item}.value`, type.children[0]!.type.children[1]!.type, depth + 1);
    return (
      inner &&
      `map_from_entries(list_transform(map_entries(${x}), lambda ${item}: {'key': ${item}.key, 'value': ${inner}}))`
    );
  }
  if (DataType.isStruct(type)) {
    const fields = type.children.map((field) => `struct_extract(${x}, ${quoteString(field.name)})`);
    const inner = type.children.map((field, f) => withNullUnions(fields[f]!, field.type, depth));
    if (inner.every((expression) => expression === undefined)) return undefined;
    const packed = type.children.map(
      (field, f) => `${quoteIdentifier(field.name)} := ${inner[f] ?? fields[f]}`
    );
    return `CASE WHEN ${x} IS NULL THEN NULL ELSE struct_pack(${packed.join(", ")}) END`;
  }
  return undefined;
}
