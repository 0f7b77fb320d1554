/**
 * How both engines (node-arrow.ts, duckdb-wasm.ts) turn DuckDB's dates and timestamps into the epoch milliseconds
 * of Arrow's Date64, one rule for both. A JavaScript Date holds ±8.64e15 ms (±10^8 days) around the epoch;
 * DuckDB's `'infinity'` and `'-infinity'`, and a finite value past that range (a year beyond 275760), have no
 * Date: they are the nearest end of the range, +275760-09-13 or -271821-04-20, so they sort after (before) every
 * other date and are not null, as DuckDB's Python client gives `datetime.max` and `datetime.min`. Node-api threw
 * on them (the cell failed) and duckdb-wasm's Arrow held a number apache-arrow refused to read.
 */
export const DATE_END_MS = 8_640_000_000_000_000;

const DATE_END_DAYS = DATE_END_MS / 86_400_000;
const END = BigInt(DATE_END_MS);
// DuckDB's ±infinity: the largest 64-bit integer, in any unit. A TIMESTAMP_NS's is a finite date once divided
// (2262-04-11), so it is looked for before; a DATE's (the largest 32-bit integer) is past the range anyway.
const INFINITE_TIMESTAMP = 2n ** 63n - 1n;

/** A timestamp's unit: how many of it make a second. */
const PER_SECOND = {s: 1n, ms: 1_000n, us: 1_000_000n, ns: 1_000_000_000n} as const;
export type TimestampUnit = keyof typeof PER_SECOND;

/** A timestamp `raw` counted in `unit` since the epoch, as milliseconds within what a Date holds. */
export function timestampMillis(raw: bigint, unit: TimestampUnit): number {
  if (raw === INFINITE_TIMESTAMP) return DATE_END_MS;
  if (raw === -INFINITE_TIMESTAMP) return -DATE_END_MS;
  const millis = floorDivide(raw * 1_000n, PER_SECOND[unit]);
  return millis > END ? DATE_END_MS : millis < -END ? -DATE_END_MS : Number(millis);
}

/** A DATE's days since the epoch, within what a Date holds. */
export function dateDays(days: number): number {
  return Math.min(DATE_END_DAYS, Math.max(-DATE_END_DAYS, days));
}

// Towards −∞, so 1969-12-31 23:59:59.9995 is …59.999, the millisecond it falls in (BigInt division truncates).
function floorDivide(a: bigint, b: bigint): bigint {
  const quotient = a / b;
  return a % b < 0n ? quotient - 1n : quotient;
}
