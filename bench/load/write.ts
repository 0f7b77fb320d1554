// Writes the workload files in a process of its own (parquet-wasm's memory never shrinks), and prints the
// Workload as JSON. Usage: node --import tsx bench/load/write.ts ROWS DIM
import {generate} from "./generate.ts";

const [rows, dim] = process.argv.slice(2).map(Number);
console.log(JSON.stringify(await generate(rows!, dim!)));
