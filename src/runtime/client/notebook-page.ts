import {NotebookRuntime, type UpdateSummary} from "../define/notebook-runtime.ts";
import {DomHost} from "../display/dom-host.ts";
import type {Notebook} from "../notebook/types.ts";

/** Options of NotebookPage. */
export interface NotebookPageOptions {
  /** The values every cell sees (see createBuiltins); the page adds none of its own. */
  readonly builtins: Readonly<Record<string, unknown>>;
}

/**
 * A notebook running in the page: each cell rendered in `container`, in order. `update` swaps in a new
 * version of the notebook (hot reload) and recomputes only the cells whose source changed and their
 * dependents; every other cell keeps its element, its value and, for inputs, what the user set.
 */
export class NotebookPage {
  readonly #runtime: NotebookRuntime;
  readonly #host: DomHost;

  constructor(container: Element, notebook: Notebook, {builtins}: NotebookPageOptions) {
    this.#host = new DomHost(container);
    this.#runtime = new NotebookRuntime({builtins, host: this.#host});
    this.update(notebook);
  }

  update(notebook: Notebook): UpdateSummary {
    document.title = notebook.title;
    return this.#runtime.update(notebook);
  }

  dispose(): void {
    this.#runtime.dispose();
    this.#host.container.replaceChildren();
  }
}
