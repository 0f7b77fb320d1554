import {
  DataType,
  makeBuilder,
  makeData,
  type Data,
  type Field,
  type FixedSizeList,
  type List,
  type Map_,
  type Struct,
  type Union
} from "apache-arrow";

/**
 * Arrow Data of `type` from plain values, at any depth: a list (or fixed-size list) is an array of its elements,
 * a struct an array of its fields' values in the type's order, a map an array of [key, value] pairs, a sparse
 * union a [member index, value] pair; null is null at every level. Other types take what apache-arrow's builders
 * take (numbers, strings, bytes…). Nested Data is made here, not by apache-arrow's builders, whose Map takes a
 * JavaScript Map (two keys that become one double, or two struct keys, would be one entry) and names its child.
 */
export function arrowData(type: DataType, values: readonly unknown[]): Data {
  if (DataType.isList(type) || DataType.isMap(type)) return listData(type, values);
  if (DataType.isFixedSizeList(type)) return fixedSizeListData(type, values);
  if (DataType.isStruct(type)) return structData(type, values);
  if (DataType.isUnion(type)) return unionData(type, values);
  const builder = makeBuilder({type, nullValues: [null]});
  for (const value of values) builder.append(value);
  return builder.finish().flush();
}

function listData(type: List | Map_, values: readonly unknown[]): Data {
  const offsets = new Int32Array(values.length + 1);
  const items: unknown[] = [];
  values.forEach((value, row) => {
    if (value !== null) for (const item of value as readonly unknown[]) items.push(item);
    offsets[row + 1] = items.length;
  });
  const child = arrowData(type.children[0]!.type, items);
  const props = {...validity(values), valueOffsets: offsets, child};
  return DataType.isMap(type) ? makeData({...props, type}) : makeData({...props, type});
}

function fixedSizeListData(type: FixedSizeList, values: readonly unknown[]): Data {
  const items: unknown[] = [];
  for (const value of values) {
    if (value === null) for (let i = 0; i < type.listSize; ++i) items.push(null);
    else for (const item of value as readonly unknown[]) items.push(item);
  }
  return makeData({...validity(values), type, child: arrowData(type.children[0]!.type, items)});
}

function structData(type: Struct, values: readonly unknown[]): Data {
  const children = type.children.map((field, f) =>
    arrowData(
      field.type,
      values.map((value) => (value === null ? null : (value as readonly unknown[])[f]))
    )
  );
  return makeData({...validity(values), type, children});
}

// A null union (Arrow's unions have no validity of their own) is its first member's null.
function unionData(type: Union, values: readonly unknown[]): Data {
  const member = (value: unknown) => (value === null ? 0 : (value as [number, unknown])[0]);
  const typeIds = Int8Array.from(values, (value) => type.typeIds[member(value)]!);
  const children = type.children.map((field: Field, m) =>
    arrowData(
      field.type,
      values.map((value) => (value !== null && member(value) === m ? (value as [number, unknown])[1] : null))
    )
  );
  return makeData({type, length: values.length, typeIds, children});
}

/** The length, null count and validity bitmap of `values`. */
function validity(values: readonly unknown[]) {
  const nulls: number[] = [];
  values.forEach((value, row) => value === null && nulls.push(row));
  return {length: values.length, nullCount: nulls.length, nullBitmap: bitmap(values.length, nulls)};
}

/** Arrow's validity bitmap (bit set: a value), or none when every row has one. */
export function bitmap(length: number, nulls: readonly number[]): Uint8Array | undefined {
  if (nulls.length === 0) return undefined;
  const bits = new Uint8Array((length + 7) >> 3).fill(0xff);
  for (const row of nulls) bits[row >> 3]! &= ~(1 << (row & 7));
  return bits;
}
