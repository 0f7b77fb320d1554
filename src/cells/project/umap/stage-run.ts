import {Checkpoint} from "./abort.ts";
import type {UmapStage} from "./errors.ts";
import type {UmapHooks} from "./options.ts";

/** What a stage's inner loops see of the caller's hooks: a place to stop, and a place to report. */
export interface StageRun {
  /** Throws if aborted; now and then lets the event loop run. Call between blocks or epochs. */
  check(): Promise<void>;
  /** Reports the fraction (0–1) of this stage done. */
  report(fraction: number): void;
  /** The caller's abort signal, for work that runs on other threads. */
  readonly signal?: AbortSignal | undefined;
}

/** A stage that spans [from, to] of the whole call's progress. */
export function stageRun(
  hooks: UmapHooks | undefined,
  stage: UmapStage,
  from = 0,
  to = 1,
  checkpoint = new Checkpoint(hooks?.signal)
): StageRun {
  const progress = hooks?.progress;
  return {
    signal: hooks?.signal,
    check: () => checkpoint.check(),
    report: progress
      ? (fraction) => progress(from + Math.min(1, Math.max(0, fraction)) * (to - from), stage)
      : () => {}
  };
}
