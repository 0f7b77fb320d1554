import type {CompiledCell} from "../compile/types.ts";
import type {NotebookHost} from "../define/observer.ts";
import type {Cell} from "../notebook/types.ts";
import {CellView} from "./cell-view.ts";

/**
 * The page as a NotebookHost: one CellView per cell inside `container`, kept in notebook order. Views are
 * moved, never rebuilt, on reorder, so an input keeps its state when cells around it change.
 */
export class DomHost implements NotebookHost {
  readonly container: Element;
  readonly #views = new Set<CellView>();

  constructor(container: Element) {
    this.container = container;
  }

  observe(compiled: CompiledCell): CellView {
    const view = new CellView(compiled, () => this.#views.delete(view));
    this.#views.add(view);
    this.container.append(view.element);
    return view;
  }

  order(cells: readonly CompiledCell[]): void {
    const byCompiled = new Map([...this.#views].map((view) => [view.compiled, view]));
    let previous: Element | null = null;
    for (const compiled of cells) {
      const view = byCompiled.get(compiled);
      if (!view) continue;
      const expected: ChildNode | null = previous ? previous.nextSibling : this.container.firstChild;
      if (view.element !== expected) this.container.insertBefore(view.element, expected);
      previous = view.element;
    }
  }

  /** Shows each cell's latest pinned flag and source: a kept cell's view still holds its first compilation. */
  refresh(cells: readonly CompiledCell[], latest: readonly Cell[]): void {
    const byCompiled = new Map([...this.#views].map((view) => [view.compiled, view]));
    cells.forEach((compiled, i) => {
      const cell = latest[i];
      if (cell) byCompiled.get(compiled)?.showCell(cell);
    });
  }
}
