// The sample fixture's values, written out by hand (scripts/fixtures/sample-table.ts made the files).
import {bits, type TableSummary} from "./summarize.ts";

const embedding = [
  [0.1, -0.2, 0.3, 0.25],
  [1, 2, 3, 4],
  null,
  [-0.5, 0.5, -0.125, 0.0625],
  [3.14159, 2.71828, 1.41421, 1.73205],
  [0, 1e-7, -1e7, 65504]
];
const hours = [0, 1, 2, 3, 4, 5];

/** The sample as every format reads it; `typed`: with a timestamp column (Parquet, Arrow), else ISO text. */
export function expectedSample(typed: boolean): TableSummary {
  return {
    fields: [
      "id: Utf8",
      typed ? "timestamp: Timestamp<MILLISECOND, UTC>" : "timestamp: Utf8",
      "score: Float64",
      "category: Utf8",
      "flag: Bool",
      "embedding: FixedSizeList[4]<Float32>"
    ],
    columns: {
      id: ["a0", "a1", "a2", "a3", "a4", "a5"],
      timestamp: hours.map((hour) =>
        typed ? Date.UTC(2023, 0, 1, hour, 30) : `2023-01-01T0${hour}:30:00.000Z`
      ),
      score: [0.5, 1.25, null, -3, 0.001, 42],
      category: ["cat", "dog", null, "cat", "émoji 🐱", 'dog, "quoted"'],
      flag: [true, false, true, null, false, true]
    },
    vectors: {embedding: embedding.map((vector) => (vector ? bits(Float32Array.from(vector)) : null))}
  };
}
