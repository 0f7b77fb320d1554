// bench/load: loading 100k rows with a 384-d float32 embedding (plus four scalar columns) from Parquet, as a
// ratio to reading the same table from an Arrow IPC file in the same run (the floor), and peak memory as a
// multiple of the raw vector bytes. Each read runs in a fresh process (so its peak RSS is its own), the
// formats alternating. Aim (from the issue): Parquet ≤ 3× the IPC time, memory ≤ 2× the raw bytes.
import {execFile} from "node:child_process";
import {rm} from "node:fs/promises";
import {fileURLToPath} from "node:url";
import {promisify} from "node:util";
import {quantile} from "../stats.ts";
import type {BenchReport} from "../suite.ts";
import type {Workload} from "./generate.ts";

const ROWS = 100_000;
const DIM = 384;
const RUNS = 5;
const child = fileURLToPath(new URL("child.ts", import.meta.url));
const writer = fileURLToPath(new URL("write.ts", import.meta.url));
const execFileAsync = promisify(execFile);

interface Sample {
  readonly ms: number;
  readonly before: number;
  readonly peak: number;
  readonly values: number;
  readonly checksum: number;
}

async function readOnce(file: string): Promise<Sample> {
  const {stdout} = await execFileAsync(process.execPath, ["--import", "tsx", child, file], {
    maxBuffer: 1 << 20
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Sample;
}

export async function run(): Promise<BenchReport> {
  const written = await execFileAsync(process.execPath, [
    "--import",
    "tsx",
    writer,
    String(ROWS),
    String(DIM)
  ]);
  const work = JSON.parse(written.stdout) as Workload;
  const raw = ROWS * DIM * 4;
  const samples = {arrow: [] as Sample[], parquet: [] as Sample[]};
  try {
    // A first, untimed round reads both files into the page cache.
    for (let round = -1; round < RUNS; ++round) {
      for (const format of round % 2 ? (["parquet", "arrow"] as const) : (["arrow", "parquet"] as const)) {
        const sample = await readOnce(work[format]);
        if (round >= 0) samples[format].push(sample);
      }
    }
  } finally {
    await rm(work.dir, {recursive: true, force: true});
  }
  const [arrow, parquet] = [samples.arrow, samples.parquet];
  if (arrow[0]!.checksum !== parquet[0]!.checksum || arrow[0]!.values !== raw / 4)
    throw new Error("the formats read different vectors");
  const floor = quantile(
    arrow.map((s) => s.ms),
    0.5
  );
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
  const rows = Object.entries(samples).map(([format, list]) => {
    const median = quantile(
      list.map((s) => s.ms),
      0.5
    );
    const peak = quantile(
      list.map((s) => s.peak),
      0.5
    );
    const before = quantile(
      list.map((s) => s.before),
      0.5
    );
    return [
      format === "arrow" ? "Arrow IPC file" : "Parquet (snappy)",
      `${median.toFixed(0)} ms`,
      `${quantile(
        list.map((s) => s.ms),
        0.9
      ).toFixed(0)} ms`,
      `${(median / floor).toFixed(2)}×`,
      mb(peak),
      `${(peak / raw).toFixed(2)}×`,
      `${((peak - before) / raw).toFixed(2)}×`
    ];
  });
  return {
    title: `readTable() on ${ROWS.toLocaleString("en")} rows × ${DIM}-d float32 (raw vectors ${mb(raw)}) + 4 scalar columns, ${RUNS} runs per format, each in a fresh process; node ${process.version}`,
    tables: [
      {
        columns: [
          "format",
          "median",
          "p90",
          "÷ IPC (aim ≤ 3×)",
          "peak RSS",
          "÷ raw (aim ≤ 2×)",
          "(peak − start) ÷ raw"
        ],
        rows
      }
    ],
    notes: [
      "÷ IPC: median time / the Arrow IPC median of the same run. Time: readTable() from a path to the Arrow table.",
      "peak RSS: the reading process's high-water mark (VmHWM: node, tsx and modules included); start: the mark before reading.",
      "Parquet written by arrow-rs (parquet-wasm) with pyarrow's defaults: snappy, dictionary on, 1 MiB v1 pages.",
      "For scale (issue): parquet-wasm 0.8 took 15–22× the IPC time (765 MB), hyparquet 1.31 ~80× (1.7 GB)."
    ]
  };
}
