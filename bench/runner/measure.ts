import {execFile} from "node:child_process";
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";

const PEAK_AT_EXIT = fileURLToPath(new URL("./peak-at-exit.js", import.meta.url));

/** One measured process: its wall time from spawn to exit and its peak resident set. */
export interface ProcessRun {
  /** Wall time, ms, as the user waits for it: spawn, start-up, work and exit. */
  readonly ms: number;
  /** Peak resident set (VmHWM) of the whole process, worker threads included, bytes. */
  readonly peak: number;
  readonly stdout: string;
}

/**
 * Runs `node ARGS` (plain Node, plus a preloaded module that records the peak at exit) and measures it.
 * Rejects when the process fails, with its stderr.
 */
export async function measureNode(
  args: readonly string[],
  options: {cwd?: string} = {}
): Promise<ProcessRun> {
  const dir = await mkdtemp(join(tmpdir(), "phoenix-bench-peak-"));
  const peakFile = join(dir, "peak");
  const start = performance.now();
  try {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ["--import", PEAK_AT_EXIT, ...args],
        {cwd: options.cwd, env: {...process.env, PHOENIX_BENCH_PEAK_FILE: peakFile}, maxBuffer: 1 << 24},
        (error, stdout, stderr) =>
          error
            ? reject(new Error(`node ${args.join(" ")} failed: ${stderr || error.message}`))
            : resolve(stdout)
      );
    });
    const ms = performance.now() - start;
    return {ms, peak: Number(await readFile(peakFile, "utf8")), stdout};
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}
