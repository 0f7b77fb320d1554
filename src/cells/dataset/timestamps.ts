import type {Vector} from "apache-arrow";
import {isNumeric, isTemporal, isText} from "./column-types.ts";
import type {DatasetProblem} from "./errors.ts";
import {rowsWhere} from "./rows-where.ts";

// ISO-8601 text without a zone ("2023-05-01T12:00:00"): Phoenix read these as UTC in mid-2023 and as local
// time later; we read them as UTC (the README says so), which keeps results independent of the machine.
const hasZone = /(Z|[+-]\d\d(:?\d\d)?)$/i;
const hourOffset = /([+-]\d\d)$/;
const dateOnly = /^\d{4}-\d\d-\d\d$/;

/**
 * Each row's timestamp in epoch milliseconds (UTC). Numbers are UNIX seconds; Arrow dates and timestamps are
 * taken as they are (UTC); text must be ISO-8601. With no column, every row gets `loadTime`.
 */
export function normalizeTimestamps(
  column: Vector | null,
  name: string | null,
  numRows: number,
  loadTime: number
): {timestamps: Float64Array; problems: DatasetProblem[]} {
  const timestamps = new Float64Array(numRows);
  if (column === null || name === null) return {timestamps: timestamps.fill(loadTime), problems: []};
  const problems: DatasetProblem[] = [];
  if (isNumeric(column.type)) {
    for (let i = 0; i < numRows; ++i) timestamps[i] = Number(column.get(i)) * 1000;
  } else if (isTemporal(column.type)) {
    for (let i = 0; i < numRows; ++i) timestamps[i] = Number(column.get(i));
  } else if (isText(column.type)) {
    for (let i = 0; i < numRows; ++i) timestamps[i] = parseIso(column.get(i) as string | null);
    const bad = rowsWhere(numRows, (i) => Number.isNaN(timestamps[i]!) && column.get(i) !== null);
    if (bad.length) {
      const values = bad.map((row) => column.get(row) as unknown);
      problems.push({column: name, rows: bad, values, message: "timestamps that are not ISO-8601 text"});
    }
  } else {
    return {
      timestamps,
      problems: [
        {column: name, message: `timestamps must be numbers, dates or ISO-8601 text, not ${column.type}`}
      ]
    };
  }
  const missing = rowsWhere(numRows, (i) => column.get(i) === null);
  if (missing.length) problems.push({column: name, rows: missing, message: "missing timestamps"});
  // NaN or ±Infinity (a "NaN" in a typed CSV, say) would break the time order and drop rows from windows.
  const nonFinite = rowsWhere(numRows, (i) => !Number.isFinite(timestamps[i]!) && column.get(i) !== null);
  if (nonFinite.length && !isText(column.type)) {
    problems.push({column: name, rows: nonFinite, message: "timestamps that are NaN or infinite"});
  }
  return {timestamps, problems};
}

function parseIso(text: string | null): number {
  if (text === null) return NaN;
  const trimmed = text.trim();
  if (!/^\d{4}-\d\d-\d\d/.test(trimmed) || !calendarDate(trimmed)) return NaN;
  if (dateOnly.test(trimmed)) return Date.parse(trimmed);
  if (!hasZone.test(trimmed)) return Date.parse(`${trimmed}Z`);
  // ISO 8601 allows an hour-only offset ("-05"); Date.parse wants "-05:00".
  return Date.parse(/T.*\d[+-]\d\d$/.test(trimmed) ? trimmed.replace(hourOffset, "$1:00") : trimmed);
}

/**
 * Whether the text's leading YYYY-MM-DD is a day of the calendar: V8's Date.parse takes any day up to 31 in
 * any month and rolls it over (2023-02-29 reads as March 1st), where it should be refused.
 */
function calendarDate(text: string): boolean {
  const [year, month, day] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
  // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDay.getUTCDate();
}

/** Row indices in timestamp order (stable: ties keep file order). */
export function timeOrder(timestamps: Float64Array): Int32Array {
  const order = new Int32Array(timestamps.length);
  let sorted = true;
  for (let i = 0; i < order.length; ++i) {
    order[i] = i;
    if (i > 0 && timestamps[i]! < timestamps[i - 1]!) sorted = false;
  }
  if (!sorted) order.sort((a, b) => timestamps[a]! - timestamps[b]! || a - b);
  return order;
}
