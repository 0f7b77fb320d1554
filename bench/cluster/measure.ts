import {collectGarbage} from "../collect-garbage.ts";

/** Times `work` `runs` times after `warmup` untimed calls, collecting garbage before each; ms per run. */
export function timeRuns<T>(work: () => T, warmup: number, runs: number): {samples: number[]; result: T} {
  let result = work();
  for (let i = 1; i < warmup; ++i) result = work();
  const samples: number[] = [];
  for (let i = 0; i < runs; ++i) {
    collectGarbage();
    const start = performance.now();
    result = work();
    samples.push(performance.now() - start);
  }
  return {samples, result};
}
