import {parseCell} from "@observablehq/parser";
import {compileCells} from "../../src/runtime/compile/compile-cell.ts";
import {parseNotebook} from "../../src/runtime/notebook/index.ts";
import {collectGarbage} from "../collect-garbage.ts";

/** Timings in ms of the steps ours takes before it defines anything, each over the whole notebook. */
export interface PhaseTimings {
  readonly parseNotebook: number[];
  /** compileCells on all cells at once, as NotebookRuntime.update calls it. */
  readonly compileCell: number[];
  /** Only its first step, @observablehq/parser's parseCell, on every cell. */
  readonly parseCell: number[];
}

/**
 * Times the front half of ours' first render step by step: the file scanner, compileCells on all cells, and
 * the parser alone (the same call compileCell makes). Returns the timings and a probe for timeFirstRender,
 * which runs it among the sides' first renders, on fresh HTML, so that it shares their conditions.
 */
export function phaseProbe(): {timings: PhaseTimings; probe: (html: string, record: boolean) => void} {
  const timings: PhaseTimings = {parseNotebook: [], compileCell: [], parseCell: []};
  const probe = (html: string, record: boolean) => {
    collectGarbage();
    const t0 = performance.now();
    const {cells} = parseNotebook(html);
    const t1 = performance.now();
    compileCells(cells);
    const t2 = performance.now();
    for (const cell of cells) {
      if (cell.mode === "ojs") parseCell(cell.source);
      else parseCell(cell.source, {tag: cell.mode, raw: true});
    }
    const t3 = performance.now();
    if (!record) return;
    timings.parseNotebook.push(t1 - t0);
    timings.compileCell.push(t2 - t1);
    timings.parseCell.push(t3 - t2);
  };
  return {timings, probe};
}
