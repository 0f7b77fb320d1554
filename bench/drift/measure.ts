import {collectGarbage} from "../collect-garbage.ts";

/**
 * Times each of `work`'s functions `runs` times after one untimed warm-up call each, round by round (so a
 * machine that slows down affects all alike); ms per run, per function.
 */
export function timeRounds(work: Record<string, () => unknown>, runs: number): Record<string, number[]> {
  const samples: Record<string, number[]> = {};
  for (const [name, fn] of Object.entries(work)) {
    fn();
    samples[name] = [];
  }
  for (let round = 0; round < runs; ++round) {
    for (const [name, fn] of Object.entries(work)) {
      collectGarbage();
      const start = performance.now();
      fn();
      samples[name]!.push(performance.now() - start);
    }
  }
  return samples;
}
