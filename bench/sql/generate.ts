// Writes one seeded Parquet file of ROWS rows × DIM float32 in a process of its own, streamed by DuckDB
// (COPY … TO with memory_limit 1GB: generation never holds the file in memory). Prints nothing.
// Usage: node --import tsx bench/sql/generate.ts FILE ROWS DIM SEED START_MS DAYS
// Rows are in time order over DAYS from START_MS; from the middle on, the first 32 dimensions shift by 0.1.
import {openDuckDB} from "../../test/helpers/duckdb.ts";

const [file = "", ...numbers] = process.argv.slice(2);
const [rows, dim, seed, start, days] = numbers.map(Number) as [number, number, number, number, number];
const step = Math.floor((days * 86_400_000) / rows);
const db = await openDuckDB({memoryLimit: "1GB"});
// One hash() of (row, seed) per row, stepped by a prime per element (a hash per element took 3× longer):
// seeded, the same on every run and thread count, uniform enough in [0, 1).
await db.run(`COPY (
  SELECT 'p' || i AS id,
    make_timestamp(${start * 1000}::BIGINT + i * ${step * 1000}::BIGINT) AS ts,
    list_transform(range(${dim}), j -> CAST(((hash(i, ${seed}) % 1000003) + j * 7919) % 1000003 / 1000003.0
      + CASE WHEN i >= ${rows >> 1} AND j < 32 THEN 0.1 ELSE 0 END AS FLOAT)) AS e
  FROM range(${rows}) AS t(i)
) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, ROW_GROUP_SIZE 32768)`);
db.close();
