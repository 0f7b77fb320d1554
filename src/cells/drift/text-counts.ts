import type {Vector} from "apache-arrow";
import type {SpanCounts, TimeSpans} from "./bin-counts.ts";
import {dictionaryBins, isPlainText, utf8, type FeatureCodes} from "./feature-codes.ts";
import {TextKeys} from "./text-keys.ts";

/** A column's codes, with the primary's counted over the time spans and not kept. */
export type CountedCodes = Omit<FeatureCodes, "primary"> & {readonly counted: SpanCounts};

/** Codes of the spans' blocks: up to 63 distinct values (and null) are counted as they are coded. */
const MAX_CODES = 64;

/**
 * discreteCodes of two whole datasets' text columns (no window's rows), with the primary's rows between the
 * spans' edges coded and counted block by block (TimeSpans.countFilled), where they are consecutive in time
 * order and hold fewer than 64 distinct values; else null. Rows are coded in table order, primary first, as
 * discreteCodes does, so the codes and bins are the same.
 *
 * @param codes - Scratch for the codes of every row: the primary's outside the edges, the reference's.
 * @param buffer - Scratch for the counts (TimeSpans.countFilled).
 */
export function countedText(
  primary: Vector,
  reference: Vector,
  spans: TimeSpans,
  codes: readonly [Int32Array, Int32Array],
  buffer?: Float64Array
): CountedCodes | null {
  const rows = spans.consecutiveRows();
  if (!rows || !isPlainText(primary) || !isPlainText(reference)) return null;
  const keys = new TextKeys();
  const [encodePrimary, encodeReference] = [encoder(keys, primary), encoder(keys, reference)];
  encodePrimary(0, rows.from, codes[0]);
  const counted = spans.countFilled(
    MAX_CODES,
    (row, n, out) => {
      encodePrimary(row, n, out);
      return keys.size < MAX_CODES;
    },
    buffer
  );
  if (!counted) return null;
  encodePrimary(rows.to, primary.length - rows.to, codes[0].subarray(rows.to));
  encodeReference(0, reference.length, codes[1]);
  const values = keys.values().map((bytes) => utf8.decode(bytes));
  const bins = dictionaryBins(
    values,
    Array.from({length: values.length}, (_, i) => i + 1)
  );
  return {...bins, reference: codes[1], counted: counted.resized(bins.numCodes)};
}

// Codes of a Utf8 column's rows row … row + n − 1 into out[0 … n), across its chunks.
function encoder(keys: TextKeys, column: Vector): (row: number, n: number, out: Int32Array) => void {
  const chunks = column.data;
  const ends = Int32Array.from(chunks, (data) => data.length);
  for (let k = 1; k < ends.length; ++k) ends[k]! += ends[k - 1]!;
  return (row, n, out) => {
    let k = 0;
    while (k < ends.length - 1 && ends[k]! <= row) ++k;
    for (let at = 0; at < n; ++k) {
      const data = chunks[k]!;
      const from = row + at - (ends[k]! - data.length); // in the chunk
      const count = Math.min(n - at, data.length - from);
      const bitmap = data.nullCount > 0 ? data.nullBitmap : null;
      keys.encode(
        data.values,
        data.valueOffsets as Int32Array,
        from,
        count,
        bitmap,
        data.offset + from,
        out,
        at
      );
      at += count;
    }
  };
}
