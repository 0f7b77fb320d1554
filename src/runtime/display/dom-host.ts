import type {CompiledCell} from "../compile/types.ts";
import type {CellObserver, NotebookHost} from "../define/observer.ts";
import {SecretViews} from "../secrets/secret-views.ts";
import {CellView} from "./cell-view.ts";

/**
 * The page as a NotebookHost: one CellView per cell inside `container`, kept in notebook order. Views are
 * moved, never rebuilt, on reorder, so an input keeps its state when cells around it change.
 */
export class DomHost implements NotebookHost {
  readonly container: Element;
  readonly #views = new Set<CellView>();
  readonly #secrets = new SecretViews();

  constructor(container: Element) {
    this.container = container;
  }

  /** The values of the page's password inputs now: what nothing the page shows may hold. */
  secrets(): string[] {
    return this.#secrets.values();
  }

  observe(compiled: CompiledCell): CellView {
    const view = new CellView(compiled, () => this.#views.delete(view), this.#secrets);
    this.#views.add(view);
    this.container.append(view.element);
    return view;
  }

  order(observers: readonly CellObserver[]): void {
    let previous: Element | null = null;
    for (const view of observers) {
      if (!(view instanceof CellView) || !this.#views.has(view)) continue;
      const expected: ChildNode | null = previous ? previous.nextSibling : this.container.firstChild;
      if (view.element !== expected) this.container.insertBefore(view.element, expected);
      previous = view.element;
    }
  }
}
