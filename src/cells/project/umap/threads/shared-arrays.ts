/** A typed array constructor, as these helpers take it. */
export type SharedArrayType<T> = {new (buffer: SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number};

/** A zeroed typed array of `length` in shared memory, which every thread it is sent to reads and writes. */
export function sharedArray<T>(Type: SharedArrayType<T>, length: number): T {
  return new Type(new SharedArrayBuffer(length * Type.BYTES_PER_ELEMENT));
}

/** A copy of `values` in shared memory, so that every thread reads the one copy. */
export function sharedCopy<T extends Int32Array | Float32Array | Float64Array>(
  values: T,
  Type: SharedArrayType<T>
): T {
  const copy = sharedArray(Type, values.length);
  copy.set(values);
  return copy;
}
