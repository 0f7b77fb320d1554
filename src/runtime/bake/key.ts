// A baked value's key: the cell's source, the sources of every cell upstream of it, and the values of the
// inputs (views) among them. Computed the same way at build time (Node) and in the page, which shows a baked
// value only under the key it was baked with: a changed cell anywhere upstream, or a moved input, computes live.
import type {CompiledCell} from "../compile/types.ts";
import {cellKey} from "../compile/cell-plan.ts";
import {canonical} from "./canonical.ts";
import {sha256Hex} from "./sha256.ts";

/** Bumped when what a key covers changes: every older bake then reads as stale. */
// 2: a cell's database joined its source. 3: only the values other cells read (not a JavaScript cell's own result).
const KEY_VERSION = "phoenix-notebook-bake/3";

/** Builtins whose value differs from reader to reader or moment to moment: a cell reading one is not baked. */
const LIVE_BUILTINS = new Set(["now", "width"]);

/**
 * A cell whose value can change while its source does not (a generator, an input made with `view()`, a
 * `Mutable`): its values join the key of the cells below it, as a view's do.
 */
const CHANGES_ON_ITS_OWN = /\byield\b|\bGenerators\s*\.|\bview\s*\(|\bMutable\s*\(/;

/** What a cell's key is made of, known from the notebook's cells alone. */
export interface KeyBasis {
  /** The sources of the cell and of every cell upstream of it, sorted. */
  readonly sources: readonly string[];
  /** The views' value names upstream (`samples` for `viewof samples`), sorted: their values join the key. */
  readonly views: readonly string[];
}

/**
 * The basis of `cell`'s key among `cells`, or why it has none: a cell upstream does not compile, holds a
 * `mutable` (whose value other cells assign, so no source says it) or reads `now` or `width`.
 */
export function keyBasis(
  cells: readonly CompiledCell[],
  cell: CompiledCell
): KeyBasis | {readonly unbakeable: string} {
  const definers = new Map<string, CompiledCell>();
  for (const compiled of cells) for (const name of compiled.defines) definers.set(name, compiled);
  const seen = new Set<CompiledCell>([cell]);
  const queue = [cell];
  // The names a cell reads from another cell: a JavaScript cell's outputs read its own result, which no other
  // cell does (and which holds the generators of its views, not their values).
  const read = new Set<string>();
  for (let compiled = queue.pop(); compiled; compiled = queue.pop()) {
    if (compiled.error) return {unbakeable: `cell ${compiled.cell.id} does not compile`};
    if (compiled.defines.some((name) => name.startsWith("mutable ")))
      return {unbakeable: `cell ${compiled.cell.id} holds a mutable`};
    for (const spec of compiled.variables) {
      for (const input of spec.inputs) {
        if (!compiled.defines.includes(input)) read.add(input);
        if (LIVE_BUILTINS.has(input) && !definers.has(input))
          return {unbakeable: `cell ${compiled.cell.id} reads ${input}, which changes in the page`};
        const definer = definers.get(input);
        if (definer && !seen.has(definer)) {
          seen.add(definer);
          queue.push(definer);
        }
      }
    }
  }
  const views = [...seen].flatMap((compiled) => {
    if (compiled === cell) return [];
    const live = CHANGES_ON_ITS_OWN.test(compiled.cell.source);
    return compiled.variables.flatMap(({name, role}) =>
      name !== null &&
      read.has(name) &&
      (role === "view-value" || (live && role !== "hidden" && !name.startsWith("viewof ")))
        ? [name]
        : []
    );
  });
  return {
    sources: [...seen]
      .map(({cell}) => cellKey(cell)) /* as NotebookRuntime compares cells */
      .sort(),
    views: [...new Set(views)].sort()
  };
}

/**
 * The key of a cell whose basis is `basis` while its upstream views hold `values` (by name); undefined when a
 * view is missing or its value has no canonical text (see canonical.ts).
 */
export function bakeKey(basis: KeyBasis, values: ReadonlyMap<string, unknown>): string | undefined {
  const parts = [KEY_VERSION, ...basis.sources.map((source) => `cell ${source}`)];
  for (const name of basis.views) {
    if (!values.has(name)) return undefined;
    const text = canonical(values.get(name));
    if (text === undefined) return undefined;
    parts.push(`view ${JSON.stringify(name)} = ${text}`);
  }
  // Lengths first: no source can end early and pass its tail for the next one.
  return sha256Hex(parts.map((part) => `${part.length}:${part}`).join("\n"));
}
