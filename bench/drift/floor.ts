import type {Vector} from "apache-arrow";

/**
 * The floor: one plain pass summing every element into a Float64 accumulator, what any centroid must at
 * least do. One accumulator makes each add wait for the one before (about 4 cycles each), so on most
 * machines this loop is bound by add latency before memory bandwidth: `sumUnrolled` shows how much.
 */
export function sum(values: Float32Array): number {
  let total = 0;
  for (let i = 0; i < values.length; ++i) total += values[i]!;
  return total;
}

/** The same sum with four independent accumulators: closer to what memory bandwidth alone allows. */
export function sumUnrolled(values: Float32Array): number {
  let [a, b, c, d] = [0, 0, 0, 0];
  const end = values.length - (values.length % 4);
  for (let i = 0; i < end; i += 4) {
    a += values[i]!;
    b += values[i + 1]!;
    c += values[i + 2]!;
    d += values[i + 3]!;
  }
  for (let i = end; i < values.length; ++i) a += values[i]!;
  return a + b + c + d;
}

/**
 * The feature floor: one pass reading every value of the given columns, what any binning must at least do.
 * Numbers are summed; text is read through its offsets, each row's bytes summed.
 */
export function readColumns(columns: readonly Vector[]): number {
  let total = 0;
  for (const column of columns) {
    for (const data of column.data) {
      if (data.valueOffsets instanceof Int32Array)
        total += sumText(data.values, data.valueOffsets, data.length);
      else total += sumNumbers(data.values as Float64Array, data.length);
    }
  }
  return total;
}

function sumNumbers(values: Float64Array, length: number): number {
  let total = 0;
  for (let i = 0; i < length; ++i) total += values[i]!;
  return total;
}

function sumText(bytes: Uint8Array, offsets: Int32Array, length: number): number {
  let total = 0;
  for (let i = 0; i < length; ++i) for (let k = offsets[i]!; k < offsets[i + 1]!; ++k) total += bytes[k]!;
  return total;
}
