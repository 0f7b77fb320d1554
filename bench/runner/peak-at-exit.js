// Preloaded into a measured process (`node --import …/peak-at-exit.js …`): when it exits, writes its peak
// resident set (VmHWM, in bytes; worker threads included) to the file named by PHOENIX_BENCH_PEAK_FILE.
// Plain JavaScript, so that the measured process needs no loader.
import {readFileSync, writeFileSync} from "node:fs";

const file = process.env.PHOENIX_BENCH_PEAK_FILE;
if (file) {
  process.on("exit", () => {
    const kb = /VmHWM:\s*(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    writeFileSync(file, String(Number(kb) * 1024));
  });
}
