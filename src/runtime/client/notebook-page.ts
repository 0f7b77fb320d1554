import type {BakedCells} from "../bake/baked-cells.ts";
import type {CellCompiler, CompiledCell} from "../compile/types.ts";
import {NotebookRuntime, type UpdateSummary} from "../define/notebook-runtime.ts";
import {DomHost} from "../display/dom-host.ts";
import type {CellId, Notebook} from "../notebook/types.ts";
import {pageMeta} from "../vite/page-meta.ts";

/** Options of NotebookPage. */
export interface NotebookPageOptions {
  /** The values every cell sees (see createBuiltins); the page adds none of its own. */
  readonly builtins: Readonly<Record<string, unknown>>;
  /** Compiles the cells: with the parser in a dev server's page (editing needs it), the build's plans in a built one. */
  readonly compile: CellCompiler;
  /** The values baked at build time (a built page). Default: none. */
  readonly bake?: BakedCells;
}

/**
 * A notebook running in the page: each cell rendered in `container`, in order. `update` swaps in a new
 * version of the notebook (hot reload) and recomputes only the cells whose source changed and their
 * dependents; every other cell keeps its element, its value and, for inputs, what the user set.
 */
export class NotebookPage {
  readonly #runtime: NotebookRuntime;
  readonly #host: DomHost;
  #notebook: Notebook;

  constructor(container: Element, notebook: Notebook, {builtins, compile, bake}: NotebookPageOptions) {
    this.#host = new DomHost(container);
    this.#runtime = new NotebookRuntime({builtins, compile, host: this.#host, ...(bake ? {bake} : {})});
    this.#notebook = notebook;
    this.update(notebook);
  }

  update(notebook: Notebook): UpdateSummary {
    // The title the page was served with: the <title>, else the first heading (a page without either keeps
    // "Untitled").
    document.title = pageMeta(notebook).title;
    this.#notebook = notebook;
    return this.#runtime.update(notebook);
  }

  /** The notebook the page runs now. */
  get notebook(): Notebook {
    return this.#notebook;
  }

  /** The cells as compiled, in notebook order (a cell that does not parse carries its syntax error). */
  get cells(): readonly CompiledCell[] {
    return this.#runtime.cells;
  }

  /** The values of the page's password inputs now (see DomHost.secrets). */
  secrets(): string[] {
    return this.#host.secrets();
  }

  /** The element the cells are shown in, one `.phx-cell[data-cell-id]` each. */
  get container(): Element {
    return this.#host.container;
  }

  /** Runs a cell again, unchanged (see NotebookRuntime.rerun). */
  rerun(id: CellId): boolean {
    return this.#runtime.rerun(id);
  }

  /** Stops a cell's run: its invalidation fires, its worker ends (see NotebookRuntime.interrupt). */
  interrupt(id: CellId): boolean {
    return this.#runtime.interrupt(id);
  }

  dispose(): void {
    this.#runtime.dispose();
    this.#host.container.replaceChildren();
  }
}
