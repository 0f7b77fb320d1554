// A two-row Arrow table of timestamps in each unit, times, durations and a Null column, built with apache-arrow alone,
// for the tests of the SQL insert in Node and in the page. Row 0 holds the values written beside each column; row 1
// is null, but for the durations, which hold the negative values written there.
import {
  DurationMicrosecond,
  DurationMillisecond,
  DurationNanosecond,
  DurationSecond,
  Null,
  Table,
  TimeMicrosecond,
  TimeMillisecond,
  TimeNanosecond,
  TimeSecond,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  makeData,
  makeVector,
  type DataType
} from "apache-arrow";

/** Two rows of `type` from its raw values; row 1 null unless `second` is given. */
function column(type: DataType, first: number | bigint, second?: number | bigint) {
  const big = typeof first === "bigint";
  const values = [first, second ?? (big ? 0n : 0)];
  const data = big ? BigInt64Array.from(values as bigint[]) : Int32Array.from(values as number[]);
  const nulls = second === undefined ? {nullCount: 1, nullBitmap: Uint8Array.of(0b01)} : {};
  return makeVector(makeData({type, length: 2, data, ...nulls} as never));
}

export function timesTable(): Table {
  // 2024-03-05T06:07:08Z is Date.UTC(2024, 2, 5, 6, 7, 8) / 1000 = 1,709,618,828 s; 01:01:01 is 3,661 s.
  return new Table({
    s: column(new TimestampSecond(), 1709618828n),
    ms: column(new TimestampMillisecond(), 1709618828009n),
    us: column(new TimestampMicrosecond(), 1709618828009123n),
    ns: column(new TimestampNanosecond(), 1709618828009123456n),
    tz: column(new TimestampMicrosecond("UTC"), 1709618828009123n),
    ts: column(new TimeSecond(), 3661),
    tms: column(new TimeMillisecond(), 3661001),
    tus: column(new TimeMicrosecond(), 3661000001n),
    tns: column(new TimeNanosecond(), 3661000000001n),
    ds: column(new DurationSecond(), 3n, -1n),
    dms: column(new DurationMillisecond(), 3500n, -1n),
    dus: column(new DurationMicrosecond(), 3500n, -1n),
    dns: column(new DurationNanosecond(), 3500n, -1500n),
    n: makeVector(makeData({type: new Null(), length: 2}))
  });
}

/** The DuckDB types of the table's columns, in order, as duckdb-wasm's Arrow insert makes them. */
export const TIMES_TYPES = [
  "TIMESTAMP_S",
  "TIMESTAMP_MS",
  "TIMESTAMP",
  "TIMESTAMP_NS",
  "TIMESTAMP WITH TIME ZONE",
  "TIME",
  "TIME",
  "TIME",
  "TIME",
  "INTERVAL",
  "INTERVAL",
  "INTERVAL",
  "INTERVAL",
  "INTEGER"
];

export const TIMES_QUERY = "SELECT COLUMNS(*)::VARCHAR FROM t";

/**
 * TIMES_QUERY's rows by hand: every digit of each unit kept; a time or duration in nanoseconds in DuckDB's
 * microseconds, truncated towards zero (3,661,000,000,001 ns is 01:01:01; 3,500 ns 3 µs; -1,500 ns -1 µs).
 */
export const TIMES_ROWS = [
  {
    s: "2024-03-05 06:07:08",
    ms: "2024-03-05 06:07:08.009",
    us: "2024-03-05 06:07:08.009123",
    ns: "2024-03-05 06:07:08.009123456",
    tz: "2024-03-05 06:07:08.009123+00",
    ts: "01:01:01",
    tms: "01:01:01.001",
    tus: "01:01:01.000001",
    tns: "01:01:01",
    ds: "00:00:03",
    dms: "00:00:03.5",
    dus: "00:00:00.0035",
    dns: "00:00:00.000003",
    n: null
  },
  {
    s: null,
    ms: null,
    us: null,
    ns: null,
    tz: null,
    ts: null,
    tms: null,
    tus: null,
    tns: null,
    ds: "-00:00:01",
    dms: "-00:00:00.001",
    dus: "-00:00:00.000001",
    dns: "-00:00:00.000001",
    n: null
  }
];
