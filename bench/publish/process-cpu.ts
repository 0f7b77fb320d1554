// CPU time of this process's descendants (the chromium that playwright started: its browser, GPU and renderer
// processes), read from Linux's /proc. On a shared machine a page load's wall time follows the load of the
// other users; the CPU the browser spent on it does much less, and says what a change saved.
import {readdirSync, readFileSync} from "node:fs";

// /proc counts in USER_HZ ticks, which Linux fixes at 100 a second for every architecture.
const MS_PER_TICK = 10;

/** CPU ms (user + system) so far of each living descendant of this process, by pid; empty without /proc. */
export function descendantCpu(): Map<number, number> {
  const stats = new Map<number, {parent: number; ms: number}>();
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return new Map();
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // The fields after the command name, which may hold spaces and parentheses: state is field 3.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const [utime, stime] = [Number(fields[11]), Number(fields[12])];
      stats.set(Number(pid), {parent: Number(fields[1]), ms: (utime + stime) * MS_PER_TICK});
    } catch {
      // Ended while being read.
    }
  }
  const cpu = new Map<number, number>();
  for (const [pid, {ms}] of stats) {
    for (let up = stats.get(pid)?.parent; up !== undefined && up > 1; up = stats.get(up)?.parent) {
      if (up !== process.pid) continue;
      cpu.set(pid, ms);
      break;
    }
  }
  return cpu;
}

/** CPU ms the descendants spent since `before` (an earlier descendantCpu), new processes counted whole. */
export function cpuSince(before: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const [pid, ms] of descendantCpu()) total += ms - (before.get(pid) ?? 0);
  return total;
}
