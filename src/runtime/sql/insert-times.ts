import {
  intervalValue,
  timeValue,
  timestampMillisValue,
  timestampNanosValue,
  timestampSecondsValue,
  timestampTZValue,
  timestampValue,
  type DuckDBValue
} from "@duckdb/node-api";
import {TimeUnit, type Data, type Duration, type Time, type Timestamp} from "apache-arrow";
import {byBuffer, type ColumnPlan} from "./insert-plan.ts";

// The plans of Arrow's timestamps, times and durations (see insert-columns.ts), read as their raw counts from the
// Data's own buffer (apache-arrow's `get` gives a timestamp to the millisecond), typed as duckdb-wasm's Arrow insert
// types them in the page.

/** A count of `unit` in microseconds, DuckDB's unit; nanoseconds truncated towards zero, as DuckDB's Arrow import. */
const MICROS: Record<TimeUnit, (count: bigint) => bigint> = {
  [TimeUnit.SECOND]: (count) => count * 1_000_000n,
  [TimeUnit.MILLISECOND]: (count) => count * 1000n,
  [TimeUnit.MICROSECOND]: (count) => count,
  [TimeUnit.NANOSECOND]: (count) => count / 1000n
};

// DuckDB's ±infinity is the largest 64-bit count in any unit, kept as it is.
const INFINITY = 2n ** 63n - 1n;

/** Row `row`'s raw count: Int32 (times in seconds and milliseconds) or Int64. */
const count = (data: Data, row: number): bigint => BigInt((data.values as ArrayLike<number | bigint>)[row]!);

/** TIMESTAMP_S, TIMESTAMP_MS, TIMESTAMP (µs) and TIMESTAMP_NS keep their unit; with a time zone, TIMESTAMPTZ (µs). */
export function timestampPlan(type: Timestamp): ColumnPlan {
  if (type.timezone)
    return byBuffer("TIMESTAMPTZ", (data, row) => {
      const raw = count(data, row);
      return timestampTZValue(raw === INFINITY || raw === -INFINITY ? raw : MICROS[type.unit](raw));
    });
  const units: Record<TimeUnit, [string, (raw: bigint) => DuckDBValue]> = {
    [TimeUnit.SECOND]: ["TIMESTAMP_S", timestampSecondsValue],
    [TimeUnit.MILLISECOND]: ["TIMESTAMP_MS", timestampMillisValue],
    [TimeUnit.MICROSECOND]: ["TIMESTAMP", timestampValue],
    [TimeUnit.NANOSECOND]: ["TIMESTAMP_NS", timestampNanosValue]
  };
  const [sql, value] = units[type.unit];
  return byBuffer(sql, (data, row) => value(count(data, row)));
}

export function timePlan(type: Time): ColumnPlan {
  return byBuffer("TIME", (data, row) => timeValue(MICROS[type.unit](count(data, row))));
}

export function durationPlan(type: Duration): ColumnPlan {
  return byBuffer("INTERVAL", (data, row) => intervalValue(0, 0, MICROS[type.unit](count(data, row))));
}
