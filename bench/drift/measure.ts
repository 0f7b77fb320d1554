import {collectGarbage} from "../collect-garbage.ts";

/**
 * Times each of `work`'s functions `runs` times after one untimed warm-up call each, round by round (so a
 * machine that slows down affects all alike); ms per run, per function.
 *
 * @param cpu - Where to put each run's CPU time (user + system, ms) too, per function: on a shared machine it
 *   counts the time this process ran, not the time it waited for a core. Default: not measured.
 */
export function timeRounds(
  work: Record<string, () => unknown>,
  runs: number,
  cpu?: Record<string, number[]>
): Record<string, number[]> {
  const samples: Record<string, number[]> = {};
  for (const [name, fn] of Object.entries(work)) {
    fn();
    samples[name] = [];
    if (cpu) cpu[name] = [];
  }
  for (let round = 0; round < runs; ++round) {
    for (const [name, fn] of Object.entries(work)) {
      collectGarbage();
      const [start, used] = [performance.now(), process.cpuUsage()];
      fn();
      samples[name]!.push(performance.now() - start);
      const {user, system} = process.cpuUsage(used);
      cpu?.[name]!.push((user + system) / 1000);
    }
  }
  return samples;
}
