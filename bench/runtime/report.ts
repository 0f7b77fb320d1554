import {pairedRatio, quantile, summarize} from "../stats.ts";
import type {Timings} from "./measure.ts";
import type {PhaseTimings} from "./phases.ts";
import type {Side} from "./side.ts";

/** One measurement (a row per side). */
export interface Measure {
  readonly label: string;
  readonly timings: Timings;
}

const ms = (value: number) => value.toFixed(2);
const median = (samples: readonly number[]) => quantile(samples, 0.5);

/**
 * Rows of the main table: per measure, the baseline first, then each side with its ratio to it (and the aim's
 * verdict), and each side's ratio to `fresh`, the hand-wired graph loaded afresh.
 */
export function ratioRows(
  measures: readonly Measure[],
  {reference, fresh}: {reference: Side; fresh: Side},
  aim: number
): string[][] {
  return measures.flatMap(({label, timings}) => {
    const base = timings.samples.get(reference)!;
    const afresh = timings.samples.get(fresh)!;
    return [...timings.samples].map(([side, samples], i) => {
      const {median, p90} = summarize(samples);
      const ratio = pairedRatio(samples, base);
      const verdict =
        side === reference ? ["", ""] : [`${ratio.toFixed(2)}×`, ratio <= aim ? "met" : "MISSED"];
      const toFresh = side === fresh ? "" : `${pairedRatio(samples, afresh).toFixed(2)}×`;
      return [i === 0 ? label : "", side.label, ms(median), ms(p90), ...verdict, toFresh];
    });
  });
}

/**
 * Where ours' first render goes, next to the baseline's. The synchronous part (until the notebook is defined)
 * and the computing after it are split in the timed runs themselves; the steps before defining are timed by
 * the phase probe among them, and defining is what is left of the synchronous part. Medians: parts add up
 * only roughly.
 */
export function stepRows(
  render: Timings,
  phases: PhaseTimings,
  sides: {reference: Side; ours: Side}
): string[][] {
  const split = (side: Side) => {
    const total = render.samples.get(side)!;
    const sync = render.sync!.get(side)!;
    return {total: median(total), sync: median(sync), compute: median(total.map((t, i) => t - sync[i]!))};
  };
  const [base, ours] = [split(sides.reference), split(sides.ours)];
  const [scan, compile, parse] = [phases.parseNotebook, phases.compileCell, phases.parseCell].map(median);
  return [
    ["parseNotebook: the file's HTML → cells", "", ms(scan!)],
    ["compileCells for all cells", "", ms(compile!)],
    ["  of which parseCell (@observablehq/parser)", "", ms(parse!)],
    ["  of which code generation and new Function", "", ms(compile! - parse!)],
    [
      "define the variables (ours: the rest of NotebookRuntime.update)",
      ms(base.sync),
      ms(ours.sync - scan! - compile!)
    ],
    ["compute until every cell is fulfilled", ms(base.compute), ms(ours.compute)],
    ["first render", ms(base.total), ms(ours.total)]
  ];
}
