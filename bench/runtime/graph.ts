import type {Definition} from "../../src/runtime/compile/types.ts";
import type {CellMode} from "../../src/runtime/notebook/types.ts";

/** One runtime variable written by hand: what compileCell would make of a cell, as plain JS. */
export interface HandVariable {
  readonly name: string | null;
  readonly inputs: readonly string[];
  readonly definition: Definition;
  /**
   * The same function as JavaScript source, its constants written in, as a hand-written define module has it
   * (hand-fresh.ts loads it anew each round); the bench checks that it computes what `definition` does.
   */
  readonly code: string;
}

/** A cell of the generated notebook, with its source (ours) and its hand-wired variables (the baseline). */
export interface GraphCell {
  readonly mode: CellMode;
  readonly source: string;
  /** The name other cells read it by (`x` for `viewof x`), or null for an anonymous cell. */
  readonly name: string | null;
  /** The variables, main first (for `viewof x`: the view, then its value). */
  readonly variables: readonly HandVariable[];
  /** Names of other cells it reads, for working out what a change recomputes. */
  readonly reads: readonly string[];
}

export interface Graph {
  readonly cells: readonly GraphCell[];
  /** Index of each `viewof` cell, in notebook order. */
  readonly inputs: readonly number[];
}

/** Wraps a typed hand-written function as a runtime definition (the runtime passes inputs untyped). */
export function hand<A extends unknown[]>(fn: (...inputs: A) => unknown): Definition {
  return fn as unknown as Definition;
}

/** Indices of the cells that recompute when `name` changes: its readers, their readers, and so on. */
export function downstreamOf(graph: Graph, name: string): number[] {
  const changed = new Set([name]);
  const indices: number[] = [];
  // Cells only read cells above them, so one pass in notebook order finds the whole closure.
  graph.cells.forEach((cell, index) => {
    if (!cell.reads.some((read) => changed.has(read))) return;
    indices.push(index);
    if (cell.name) changed.add(cell.name);
  });
  return indices;
}
