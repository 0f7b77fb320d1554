import {Inspector} from "@observablehq/inspector";
import {isArrowTable, tableView} from "./table-view.ts";
import {CellError} from "../cell-error.ts";
import {outputsAsRead} from "../compile/module-result.ts";
import type {CompiledCell} from "../compile/types.ts";
import type {CellObserver} from "../define/observer.ts";
import type {Cell} from "../notebook/types.ts";
import type {SecretViews} from "../secrets/secret-views.ts";
import {renderError} from "./error-view.ts";
import {ProgressView} from "./progress-view.ts";
import {renderSource} from "./source-view.ts";
import {isLoaderMode} from "../loaders/loader-cell.ts";
import {cellWarnings} from "../value-warnings.ts";
import {WarningsView} from "./warnings-view.ts";
import {whenVisible} from "./when-visible.ts";

/** What a cell shows now; mirrored on the element as `data-status` for styling and tests. */
export type CellDisplayStatus = "pending" | "fulfilled" | "rejected";

/**
 * One cell's place in the page: its pinned source, a progress bar while it runs, then its value (through
 * the Observable Inspector) and the warnings the value carries, or its error. Never throws back into the
 * runtime: a value that cannot be shown becomes the cell's error, so one cell cannot stop the others.
 */
export class CellView implements CellObserver {
  readonly element: HTMLElement;
  #compiled: CompiledCell;
  #source: HTMLElement | null = null;
  readonly #progress = new ProgressView();
  readonly #output: HTMLElement;
  readonly #inspector: Inspector;
  /** What the current run displayed (`display()`, `view()`), each in its own Inspector, in order. */
  readonly #displays: HTMLElement;
  readonly #warnings = new WarningsView();
  /** The value shown, and a JavaScript cell's outputs (declared, and as computed since), for its warnings. */
  #value: unknown;
  #outputs: Readonly<Record<string, unknown>> = {};
  #outputValues: Readonly<Record<string, unknown>> = {};
  #error: HTMLElement | null = null;
  /** The error shown, to show again at the line the cell moves to. */
  #shownError: CellError | null = null;
  readonly #onRemoved: (() => void) | undefined;
  readonly #secrets: SecretViews | undefined;

  /**
   * `onRemoved` is called once the cell has left the notebook and its element the page. `secrets` is shared by
   * the page's cells: this cell's password view joins it, and its errors hide all of their values.
   */
  constructor(compiled: CompiledCell, onRemoved?: () => void, secrets?: SecretViews) {
    this.#compiled = compiled;
    this.#onRemoved = onRemoved;
    this.#secrets = secrets;
    this.element = document.createElement("div");
    this.element.className = `phx-cell phx-cell--${compiled.cell.mode}`;
    this.#output = document.createElement("div");
    this.#output.className = "phx-output";
    this.#displays = document.createElement("div");
    this.#displays.className = "phx-displays";
    this.element.append(this.#progress.element, this.#displays, this.#output, this.#warnings.element);
    this.#inspector = new Inspector(this.#output);
    this.#label();
    this.showCell(compiled.cell);
    this.#setStatus("pending");
  }

  /** The cell as last compiled (a kept cell keeps its first compilation). */
  get compiled(): CompiledCell {
    return this.#compiled;
  }

  /** Shows or hides the source as the cell's `pinned` flag says, with the cell's current text. */
  showCell(cell: Cell): void {
    this.element.hidden = cell.hidden === true; // it runs; it shows nothing
    const source = cell.pinned ? renderSource(cell) : null;
    if (this.#source) this.#source.remove();
    if (source) this.element.prepend(source);
    this.#source = source;
  }

  pending(): void {
    this.#guard(() => {
      this.#progress.hide();
      for (const place of this.#displays.children) this.#secrets?.forget(place);
      this.#displays.replaceChildren();
      this.#setStatus("pending");
      this.#inspector.pending();
    });
  }

  fulfilled(value: unknown): void {
    this.#guard(() => {
      this.#progress.hide();
      this.#clearError();
      this.#secrets?.note(this, value);
      // A JavaScript cell that is no expression has no value to show: only what it displayed.
      const nothing =
        (this.#compiled.cell.mode === "js" || this.#compiled.cell.mode === "ts") && value === undefined;
      this.#output.hidden = nothing;
      // A SQL cell's result shows as a table, as Notebook Kit shows it (the cell's value stays the Arrow table).
      const shown = this.#compiled.cell.mode === "sql" && isArrowTable(value) ? tableView(value) : value;
      if (!nothing) this.#inspector.fulfilled(displayable(shown), this.#inspectedName());
      this.#value = value;
      this.#setStatus("fulfilled");
      this.#showWarnings();
    });
  }

  outputs(values: Readonly<Record<string, unknown>>): void {
    // A new run: its outputs' values are yet to be computed.
    this.#outputs = values;
    this.#outputValues = {};
  }

  outputValue(name: string, value: unknown): void {
    this.#outputValues = {...this.#outputValues, [name]: value};
    // A declared promise (`const d = px.load(…)`) has its warnings once it resolves, after the cell
    // fulfilled.
    if (this.element.dataset.status === "fulfilled") this.#guard(() => this.#showWarnings());
  }

  rejected(error: CellError): void {
    this.#guard(() => this.#showError(error));
  }

  displayed(value: unknown): void {
    this.#guard(() => {
      const place = this.#displays.appendChild(document.createElement("div"));
      this.#secrets?.note(place, value); // a password input shown by view() hides its value from errors too
      place.className = "phx-display";
      new Inspector(place).fulfilled(displayable(value));
    });
  }

  progress(fraction: number, stage?: string): void {
    // Progress is news only while the cell runs: a report still in flight when the run ended (its worker
    // finished, then the cell failed or fulfilled) must not bring the bar back over the outcome.
    if (this.element.dataset.status !== "pending") return;
    this.#guard(() => this.#progress.update(fraction, stage));
  }

  /** Resolves when the cell's place scrolls into view (`visibility()`). */
  visible(invalidation: Promise<void>): Promise<void> {
    return whenVisible(this.element, invalidation);
  }

  /** The cell kept its source but moved or changed attributes (pinned, id): show it as it is now. */
  moved(compiled: CompiledCell): void {
    // A kept cell does not run again: the error it shows names the line it is on now.
    const shown = this.#shownError;
    const lines = compiled.cell.line - this.#compiled.cell.line;
    this.#compiled = compiled;
    if (shown && lines !== 0 && this.element.dataset.status === "rejected")
      this.#showError(shown.shifted(lines));
    this.#label(); // a cell without an id attribute is numbered by position
    this.showCell(compiled.cell);
  }

  redefined(compiled: CompiledCell): void {
    this.#compiled = compiled;
    this.#label();
    this.showCell(compiled.cell);
  }

  removed(): void {
    this.element.remove();
    this.#secrets?.forget(this);
    for (const place of this.#displays.children) this.#secrets?.forget(place);
    this.#onRemoved?.();
  }

  #showError(error: CellError): void {
    this.#progress.hide();
    this.#clearError();
    this.#shownError = error;
    this.#output.hidden = true;
    this.#warnings.hide();
    this.#error = renderError(error, this.#secrets?.values());
    this.element.append(this.#error);
    this.#setStatus("rejected");
  }

  #showWarnings(): void {
    const warnings = cellWarnings(this.#value, outputsAsRead(this.#outputs, this.#outputValues));
    this.#warnings.show(warnings, this.#secrets?.values());
  }

  #clearError(): void {
    this.#error?.remove();
    this.#error = null;
    this.#shownError = null;
    this.#output.hidden = false;
  }

  // A value the Inspector cannot render (a hostile getter, a revoked proxy) is this cell's error, not the page's.
  #guard(render: () => void): void {
    try {
      render();
    } catch (error) {
      const {cell, name} = this.#compiled;
      const message = `could not display the value: ${error instanceof Error ? error.message : String(error)}`;
      this.#showError(new CellError("runtime", message, name, cell.line, {cause: error}));
    }
  }

  #setStatus(status: CellDisplayStatus): void {
    this.element.dataset.status = status;
    this.element.classList.toggle("phx-cell--running", status === "pending");
  }

  #label(): void {
    const {cell, name} = this.#compiled;
    this.element.dataset.cellId = String(cell.id);
    if (name === null) delete this.element.dataset.cellName;
    else this.element.dataset.cellName = name;
  }

  // Observable shows `name = value` for named JavaScript cells (and a data loader's output); Markdown and HTML
  // cells show only their content.
  #inspectedName(): string | undefined {
    const {cell, name} = this.#compiled;
    return (cell.mode === "ojs" || isLoaderMode(cell.mode)) && name !== null ? name : undefined;
  }
}

// The Inspector inspects a DocumentFragment rather than inserting it (inserting empties the fragment); a cell
// that returns one (e.g. html`<a></a><b></b>`) means its nodes, so they are moved into an element of their own.
function displayable(value: unknown): unknown {
  if (typeof DocumentFragment === "undefined" || !(value instanceof DocumentFragment)) return value;
  const wrapper = document.createElement("div");
  wrapper.className = "phx-fragment";
  wrapper.append(value);
  return wrapper;
}
