// bench/sql: the embedding drift series (72-hour windows sampled hourly over 30 days, 384-d float32) through
// DuckDB (px.fromSql: centroids summed in SQL, memory_limit 1GB) and through px.load (every vector in
// memory), each in a fresh process so that its peak RSS is its own, alternating, in the same run. At 200k
// rows both fit and are compared (time, peak memory, and the largest difference between their values); at
// 2M rows (≈ 3 GB of vectors) only the DuckDB path runs, against the aim of a 1.5 GB peak. The files are
// generated seeded into a temporary folder, streamed by DuckDB, and deleted afterwards.
import {execFile} from "node:child_process";
import {mkdtemp, rm, stat} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {promisify} from "node:util";
import {quantile} from "../stats.ts";
import type {BenchReport} from "../suite.ts";

const DIM = 384;
const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const SMALL = 200_000;
const LARGE = Number(process.env.PX_BENCH_SQL_ROWS ?? 2_000_000);
const REFERENCE = 100_000;
const RUNS = 3;
const AIM_BYTES = 1.5 * 2 ** 30;
const execFileAsync = promisify(execFile);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

interface Sample {
  readonly ms: number;
  readonly before: number;
  readonly peak: number;
  readonly values: readonly (number | null)[];
}

async function node(script: string, args: readonly (string | number)[]): Promise<string> {
  const {stdout} = await execFileAsync(
    process.execPath,
    ["--import", "tsx", here(script), ...args.map(String)],
    {
      maxBuffer: 1 << 24
    }
  );
  return stdout;
}

async function drift(path: "sql" | "memory", primary: string, reference: string): Promise<Sample> {
  return JSON.parse(
    (await node("child.ts", [path, primary, reference])).trim().split("\n").at(-1)!
  ) as Sample;
}

const median = (samples: readonly Sample[], key: "ms" | "peak") =>
  quantile(
    samples.map((s) => s[key]),
    0.5
  );
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function run(): Promise<BenchReport> {
  const dir = await mkdtemp(join(tmpdir(), "px-bench-sql-"));
  const files = {
    reference: join(dir, "reference.parquet"),
    small: join(dir, "small.parquet"),
    large: join(dir, "large.parquet")
  };
  try {
    await node("generate.ts", [files.reference, REFERENCE, DIM, 2, START - 30 * DAY, 30]);
    await node("generate.ts", [files.small, SMALL, DIM, 1, START, 30]);
    const samples = {sql: [] as Sample[], memory: [] as Sample[]};
    // A first, untimed round reads the files into the page cache.
    for (let round = -1; round < RUNS; ++round) {
      for (const path of round % 2 ? (["sql", "memory"] as const) : (["memory", "sql"] as const)) {
        const sample = await drift(path, files.small, files.reference);
        if (round >= 0) samples[path].push(sample);
      }
    }
    let difference = 0;
    samples.memory[0]!.values.forEach((value, w) => {
      const other = samples.sql[0]!.values[w];
      if ((value === null) !== (other === null)) difference = Infinity;
      else if (value !== null) difference = Math.max(difference, Math.abs(value - other!));
    });
    const generated = performance.now();
    await node("generate.ts", [files.large, LARGE, DIM, 1, START, 30]);
    const generateMs = performance.now() - generated;
    const fileBytes = (await stat(files.large)).size;
    const large = await drift("sql", files.large, files.reference);
    await rm(files.large);
    const sql = median(samples.sql, "ms");
    const memory = median(samples.memory, "ms");
    return {
      title: `embedding drift series, ${DIM}-d float32, 720 windows (72 h, hourly, 30 days), reference ${REFERENCE.toLocaleString("en")} rows; each run in a fresh process, ${RUNS} runs per path at 200k; node ${process.version}`,
      tables: [
        {
          columns: ["rows", "path", "median time", "÷ px.load", "peak RSS", "÷ px.load"],
          rows: [
            [
              SMALL.toLocaleString("en"),
              "px.load (in memory)",
              seconds(memory),
              "1.00×",
              mib(median(samples.memory, "peak")),
              "1.00×"
            ],
            [
              SMALL.toLocaleString("en"),
              "px.fromSql (DuckDB, 1GB limit)",
              seconds(sql),
              `${(sql / memory).toFixed(2)}×`,
              mib(median(samples.sql, "peak")),
              `${(median(samples.sql, "peak") / median(samples.memory, "peak")).toFixed(2)}×`
            ],
            [
              LARGE.toLocaleString("en"),
              "px.fromSql (DuckDB, 1GB limit)",
              seconds(large.ms),
              "—",
              `${mib(large.peak)} (aim ≤ ${mib(AIM_BYTES)}: ${large.peak <= AIM_BYTES ? "met" : "missed"})`,
              "—"
            ]
          ]
        }
      ],
      notes: [
        `largest |difference| between the two paths' values at 200k: ${difference.toExponential(2)}`,
        `the ${LARGE.toLocaleString("en")}-row file: ${(fileBytes / 1e9).toFixed(2)} GB of Parquet (${((LARGE * DIM * 4) / 1e9).toFixed(2)} GB of raw vectors, row groups of 32,768), written in ${seconds(generateMs)}; px.load would hold every vector (> 3 GB), so it does not run there`,
        "time: from the process's start of work (opening DuckDB, or reading the files) to the series; peak RSS: the process's high-water mark (VmHWM), node and DuckDB included"
      ]
    };
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}
