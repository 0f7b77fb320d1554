import {readFileSync} from "node:fs";

/**
 * The high-water mark of this process's own resident memory, in bytes. (getrusage's maxRSS is no good in a
 * child: Linux carries it over from the parent across fork and exec, so every child would report at least the
 * parent's size.) Falls back to maxRSS where /proc is missing.
 */
export function peakRss(): number {
  try {
    const kb = /VmHWM:\s*(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}
