// bench/runtime: what phoenix-notebook's runtime layer (parse, compile, define, observe) costs on top of
// @observablehq/runtime, on a generated 200-cell notebook: (a) the first full render, (b) the latency from an
// input change to its dependent cells' update. Each is reported as a ratio to the same graph hand-wired on
// @observablehq/runtime in the same process. Aim (from the issue): ours / baseline ≤ 1.2×.
import type {BenchReport} from "../suite.ts";
import {baseline} from "./baseline.ts";
import {benchBuiltins} from "./builtins.ts";
import {built} from "./built.ts";
import {checkSameValues} from "./check.ts";
import {generateGraph} from "./generate.ts";
import {handFresh} from "./hand-fresh.ts";
import {downstreamOf, type Graph} from "./graph.ts";
import {timeFirstRender, timeInputChange, type Rounds, type Timings, type Workload} from "./measure.ts";
import {notebookHtml} from "./notebook-html.ts";
import {ours} from "./ours.ts";
import {phaseProbe} from "./phases.ts";
import {precompiled} from "./precompiled.ts";
import {ratioRows, stepRows} from "./report.ts";
import type {Side} from "./side.ts";
import {warm} from "./warm.ts";

const CELLS = 200;
const INPUTS = 5;
const ROUNDS: Rounds = {warmup: 10, runs: 40};
/** The largest ratio ours / baseline the issue accepts. */
const AIM = 1.2;

export async function run(): Promise<BenchReport> {
  const graph = generateGraph({cells: CELLS, inputs: INPUTS});
  const work: Workload = {
    html: (serial) => notebookHtml(graph, `bench: ${CELLS} generated cells`, 1 + serial * CELLS),
    builtins: benchBuiltins(),
    cellCount: CELLS
  };
  const reference = baseline(graph);
  const [compiledOnly, plain] = [precompiled(), ours({recorder: false})];
  const fresh = handFresh(graph);
  const sides: Side[] = [reference, fresh, warm(), compiledOnly, built(), plain, ours({recorder: true})];
  // The first input: later sections read from it too, so its change reaches furthest.
  const input = graph.inputs[0]!;
  const downstream = downstreamOf(graph, graph.cells[input]!.name!);

  // Input changes first: each side's cell functions then have run equally often when timed. Timed after the
  // first renders, the baseline's (the same closures on every run) would arrive warmer than ours (new each run).
  const change = await timeInputChange(sides, work, ROUNDS, input, downstream);
  const phases = phaseProbe();
  const render = await timeFirstRender(sides, work, ROUNDS, phases.probe);
  for (const timings of [change, render]) checkAll(graph, reference, timings);

  const markdown = graph.cells.filter((cell) => cell.mode === "md").length;
  const measures = [
    {label: "first render", timings: render},
    {label: `input change (${downstream.length} cells)`, timings: change}
  ];
  return {
    title:
      `${CELLS}-cell notebook (${INPUTS} Inputs.range views, ${CELLS - markdown} OJS and ${markdown} Markdown cells), ` +
      `${ROUNDS.runs} runs per side after ${ROUNDS.warmup} warm-up, sides alternating; node ${process.version}`,
    tables: [
      {
        columns: ["measure", "side", "median", "p90", "ratio", `aim ≤ ${AIM}×`, "ratio to afresh"],
        rows: ratioRows(measures, {reference, fresh}, AIM)
      },
      {
        columns: ["first render, step by step (medians)", "baseline", "ours"],
        rows: stepRows(render, phases.timings, {reference, ours: plain})
      }
    ],
    notes: [
      "Times in ms. ratio: median over rounds of the side's time / the baseline's time in the same round.",
      '"ratio to afresh": the same, over "hand-wired, its module loaded afresh": the baseline\'s functions written out one per variable and loaded anew each round, as a hand-wired page runs them on its first visit (the baseline\'s closures are shared by all cells of a kind and warm from every earlier round).',
      'The aim is for ours; "compiled ahead" shows what is left once parsing and compiling leave the timed path;',
      '"compiled once": the same compiled functions every round, warm as the baseline\'s; "compiled ahead": new ones each round, as a page has on every visit (the gap is what running code the engine has never seen costs).',
      '"as built": what a built page does (the build wrote the cells as functions in a module the page loads, untimed like the baseline\'s; the page realizes them, NotebookRuntime defines them).',
      "first render: from the notebook's HTML (ours: parseNotebook, then NotebookRuntime.update) to every cell fulfilled.",
      `input change: set x0's Inputs.range value and dispatch "input", to every cell downstream of x0 fulfilled again.`,
      "Every side computed the same value for every cell (checked)."
    ]
  };
}

function checkAll(graph: Graph, reference: Side, timings: Timings): void {
  const expected = timings.values.get(reference)!;
  for (const [side, values] of timings.values)
    if (side !== reference) checkSameValues(graph, values, expected);
}
