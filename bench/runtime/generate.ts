import {mulberry32} from "../../test/helpers/mulberry32.ts";
import * as kinds from "./cell-kinds.ts";
import type {Graph, GraphCell} from "./graph.ts";

/** Shape of the generated notebook. */
export interface GraphOptions {
  /** Number of cells. Default: 200. */
  readonly cells?: number;
  /** Number of `viewof` range inputs; each starts a section of the notebook. Default: 5. */
  readonly inputs?: number;
  /** Seed of the generator: the same seed gives the same notebook. Default: 1. */
  readonly seed?: number;
}

/** Names of earlier cells, by the type of their value, section by section. */
interface Scope {
  readonly numbers: string[][];
  readonly arrays: string[][];
}

/** Makes one cell named `name` in `section`; says which list of the scope its name joins, if any. */
type Make = (name: string, section: number) => [GraphCell, keyof Scope | null];

/**
 * A notebook that looks like a real one: sections each led by a range input, whose cells mostly chain on the
 * cell above, sometimes fan out from any earlier cell of the section, now and then read across sections; about
 * one cell in seven is a Markdown summary.
 */
export function generateGraph({cells: size = 200, inputs = 5, seed = 1}: GraphOptions = {}): Graph {
  const random = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const scope: Scope = {numbers: [], arrays: []};

  // Mostly the latest of its kind (a chain), else any earlier one (fan-out); one pick in ten from an earlier
  // section, so that changing the first input also ripples into later sections.
  const pick = (kind: keyof Scope, section: number): string => {
    const lists = scope[kind];
    const from = section > 0 && random() < 0.1 ? int(0, section - 1) : section;
    const list = lists[from]!.length ? lists[from]! : lists[section]!;
    return random() < 0.6 ? list[list.length - 1]! : list[int(0, list.length - 1)]!;
  };
  const num = (section: number) => pick("numbers", section);
  const arr = (section: number) => pick("arrays", section);

  // Weights of the kinds of cell (they add up to 1).
  const mix: [number, Make][] = [
    [0.15, (n, s) => [kinds.series(n, num(s), int(200, 800), int(7, 97)), "arrays"]],
    [0.15, (n, s) => [kinds.blend(n, num(s), num(s), int(1, 9)), "numbers"]],
    [0.06, (n, s) => [kinds.blend(n, num(s), `x${s}`, int(1, 9)), "numbers"]], // fan-out from the input
    [0.12, (n, s) => [kinds.mean(n, arr(s)), "numbers"]],
    [0.12, (n, s) => [kinds.scale(n, arr(s), num(s), int(2, 5)), "arrays"]],
    [0.1, (n, s) => [kinds.maximum(n, arr(s)), "numbers"]],
    [0.1, (n, s) => [kinds.median(n, arr(s)), "numbers"]],
    [0.06, (_, s) => [kinds.record(num(s), arr(s)), null]],
    [0.14, (_, s) => [kinds.summary(`Section ${s}`, num(s), arr(s)), null]]
  ];
  const choose = (section: number): Make => {
    if (scope.arrays[section]!.length === 0) return mix[0]![1]; // a section's first cell makes an array
    let roll = random();
    for (const [weight, make] of mix) if ((roll -= weight) < 0) return make;
    return mix[mix.length - 1]![1];
  };

  const cells: GraphCell[] = [];
  const inputIndices: number[] = [];
  const perSection = Math.ceil(size / inputs);
  for (let section = 0; section < inputs; ++section) {
    inputIndices.push(cells.length);
    cells.push(kinds.rangeInput(`x${section}`, 10 + section * 7));
    scope.numbers.push([`x${section}`]);
    scope.arrays.push([]);
    for (let j = 1; j < perSection && cells.length < size; ++j) {
      const name = `c${section}_${j}`;
      const [cell, joins] = choose(section)(name, section);
      cells.push(cell);
      if (joins) scope[joins][section]!.push(name);
    }
  }
  return {cells, inputs: inputIndices};
}
