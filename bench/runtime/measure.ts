import {collectGarbage} from "../collect-garbage.ts";
import type {Side} from "./side.ts";
import {CellTracker} from "./tracker.ts";

/** How many times to time each side. */
export interface Rounds {
  /** Untimed rounds first, so that every side runs code the engine has warmed up. */
  readonly warmup: number;
  readonly runs: number;
}

/** What the measurements need to know about the notebook. */
export interface Workload {
  /** The notebook's HTML for the `serial`-th start: the same cells, numbered afresh (see notebookHtml). */
  readonly html: (serial: number) => string;
  readonly builtins: Record<string, unknown>;
  readonly cellCount: number;
}

/** Timings in ms by side, one per round in round order (so the sides' i-th samples are from one round). */
export interface Timings {
  readonly samples: Map<Side, number[]>;
  /** First render only: the synchronous part, until `start` returns (ours: parse, compile and define). */
  readonly sync?: Map<Side, number[]>;
  /** Each side's last values, to check that the sides computed the same. */
  readonly values: Map<Side, readonly unknown[]>;
}

// Each round runs every side once, in turns whose order flips from round to round: the sides share the
// machine's noise, and none always runs right after another (whose garbage or JIT state it could inherit).
async function alternate(
  sides: readonly Side[],
  rounds: Rounds,
  time: (side: Side, round: number, record: boolean) => Promise<number>
): Promise<Map<Side, number[]>> {
  const samples = new Map(sides.map((side) => [side, [] as number[]]));
  for (let round = 0; round < rounds.warmup + rounds.runs; ++round) {
    const record = round >= rounds.warmup;
    for (const side of round % 2 ? [...sides].reverse() : sides) {
      const ms = await time(side, round, record);
      if (record) samples.get(side)!.push(ms);
    }
  }
  return samples;
}

/**
 * (a) From the notebook's HTML to every cell fulfilled, on a fresh runtime each time. `probe`, if given, runs
 * once a round, untimed itself, on its own fresh HTML: what it times then shares the sides' conditions.
 */
export async function timeFirstRender(
  sides: readonly Side[],
  work: Workload,
  rounds: Rounds,
  probe?: (html: string, record: boolean) => void
): Promise<Timings> {
  const values = new Map<Side, readonly unknown[]>();
  const sync = new Map(sides.map((side) => [side, [] as number[]]));
  let serial = 0;
  const samples = await alternate(sides, rounds, async (side, _round, record) => {
    if (probe && side === sides[0]) probe(work.html(serial++), record);
    const html = work.html(serial++);
    await side.prepare?.(html);
    const tracker = new CellTracker();
    const all = tracker.expect(Array.from({length: work.cellCount}, (_, i) => i));
    collectGarbage();
    const start = performance.now();
    const instance = side.start(html, work.builtins, tracker);
    const defined = performance.now();
    await all;
    const end = performance.now();
    instance.dispose();
    values.set(side, tracker.values);
    if (record) sync.get(side)!.push(defined - start);
    return end - start;
  });
  return {samples, sync, values};
}

/**
 * (b) From an input's change to every cell downstream of it fulfilled again, on one rendered runtime per side.
 * The change is what a user does: set the `Inputs.range` element's value and dispatch "input".
 */
export async function timeInputChange(
  sides: readonly Side[],
  work: Workload,
  rounds: Rounds,
  input: number,
  downstream: readonly number[]
): Promise<Timings> {
  const started = [];
  for (const [serial, side] of sides.entries()) {
    const html = work.html(serial);
    await side.prepare?.(html);
    const tracker = new CellTracker();
    const all = tracker.expect(Array.from({length: work.cellCount}, (_, i) => i));
    const instance = side.start(html, work.builtins, tracker);
    await all;
    started.push({side, tracker, instance});
  }
  const trackers = new Map(started.map(({side, tracker}) => [side, tracker]));
  const samples = await alternate(sides, rounds, async (side, round) => {
    const tracker = trackers.get(side)!;
    const view = tracker.values[input] as HTMLElement & {value: number};
    await idle();
    collectGarbage();
    const done = tracker.expect(downstream);
    const start = performance.now();
    view.value = (round * 37) % 101; // a different value each round, the same on every side
    view.dispatchEvent(new Event("input", {bubbles: true}));
    await done;
    return performance.now() - start;
  });
  for (const {instance} of started) instance.dispose();
  return {samples, values: new Map(started.map(({side, tracker}) => [side, tracker.values]))};
}

// After the last cell fulfills, the runtime still pulls the input's generator on its next frame; let that
// happen before the next change so no timed run pays for the previous one.
async function idle(): Promise<void> {
  for (let i = 0; i < 3; ++i) await new Promise((resolve) => setTimeout(resolve, 1));
}
