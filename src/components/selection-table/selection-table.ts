import {html, LitElement, nothing, type PropertyValues} from "lit";
import {repeat} from "lit/directives/repeat.js";
import {RovingTabStop} from "../roving-tab-stop.ts";
import {preferredThemeStyles, themeStyles, type Theme} from "../theme.ts";
import {emitInput, followValue, formatCount, formatCountOf, viewSummary, type ViewSummary} from "../view.ts";
import {cellText} from "./cell-text.ts";
import {renderCell} from "./cell-render.ts";
import {tableColumns, textChars, type TableColumn} from "./columns.ts";
import {resolveRows, type TableRows} from "./rows.ts";
import {nextSort, sortedOrder, type TableSort} from "./sort.ts";
import {columnWidth, ROW_HEIGHT, selectionTableStyles} from "./styles.ts";
import type {PixelsOption, SelectedRow, SelectionTableData, TableSelection} from "./types.ts";

/** What a selection that names rows the data lacks shows, before the message. */
const CANNOT_LIST = "Cannot list the rows: ";
// Rows drawn beyond the visible ones on each side, so a fast scroll does not show blanks.
const OVERSCAN = 6;
const NO_ROWS: TableRows = {
  dataset: new Uint8Array(0),
  row: new Int32Array(0),
  point: new Int32Array(0),
  distance: null
};

/**
 * `<phx-selection-table>`: the rows of a selection (point indices of a projection, or px.similar's ranked
 * rows) with their dataset, cluster, labels, raw data and image. Virtualized: only the rows in view are in the
 * DOM. A header click sorts; arrow keys, Page Up/Down, Home and End move through the rows and Enter picks one.
 * The rows are one tab stop (the grid); of their buttons and links only the active row's are tab stops. The
 * column headers' sort buttons are one more: the one last focused, else the sorted column's, else the first;
 * Left, Right, Home and End move between them.
 * `value` is the picked row `{dataset, row, point}` or null; `input` fires when the user picks, and when new
 * `data` or `selection` change it: the pick stays on its row while the table lists it (its `point` that of the
 * new data), else it is null. A selection that names rows the data lacks (set by code) lists none and shows
 * the error in their place.
 */
export class PhxSelectionTable extends LitElement {
  static override properties = {
    data: {attribute: false},
    selection: {attribute: false},
    clusters: {attribute: false},
    columns: {attribute: false},
    embedding: {},
    pixels: {attribute: false},
    remoteImages: {type: Boolean, attribute: "remote-images"},
    height: {type: Number},
    theme: {reflect: true},
    value: {attribute: false},
    _sort: {state: true},
    _first: {state: true},
    _active: {state: true},
    _expanded: {state: true}
  };
  static override styles = [themeStyles, preferredThemeStyles, selectionTableStyles];

  /** The projection (px.project) whose points and datasets the rows come from. Default: none. */
  declare data: SelectionTableData | undefined;
  /** Point indices, or rows by dataset (px.similar's result). Default: [] (none). */
  declare selection: TableSelection;
  /** Cluster labels per point (px.cluster), for a cluster column. Default: none. */
  declare clusters: {readonly labels: Int32Array} | undefined;
  /** Extra columns of the datasets' tables, by name. Default: none. */
  declare columns: readonly string[];
  /** The embedding whose raw data and link to data show. Default: the projection's. */
  declare embedding: string | undefined;
  /** Images drawn from grey levels (a column or an embedding's vector). Default: none. */
  declare pixels: PixelsOption | undefined;
  /** Whether http(s) image URLs in the data load as images; else they are links. Default: false. */
  declare remoteImages: boolean;
  /** The scrolling area's height in CSS pixels. Default: 360. */
  declare height: number;
  /** "light" or "dark"; unset follows the reader's prefers-color-scheme. Default: unset. */
  declare theme: Theme | undefined;
  /** The picked row, or null. Default: null. */
  declare value: SelectedRow | null;

  declare private _sort: TableSort | null;
  declare private _first: number;
  declare private _active: number;
  declare private _expanded: number | null;
  #rows: TableRows = NO_ROWS;
  /** Why the selection lists no rows: it names rows the data lacks. */
  #error: string | null = null;
  #columns: TableColumn[] = [];
  #template = "";
  #order: Int32Array = new Int32Array(0);
  /** The sort #order was made by (null: as listed). */
  #orderSort: TableSort | null = null;
  #images = new Map<number, string | null>();
  readonly #headStop = new RovingTabStop<string>(this);

  constructor() {
    super();
    this.selection = [];
    this.columns = [];
    this.remoteImages = false;
    this.height = 360;
    this.value = null;
    this._sort = null;
    this._first = 0;
    this._active = 0;
    this._expanded = null;
  }

  /** The rows listed, in the selection's order (before any sort). */
  get rows(): TableRows {
    return this.#rows;
  }

  /** The headless runner's summary (see src/runtime/headless/summarize.ts). */
  toJSON(): ViewSummary {
    const {rows, error} = this.#resolve();
    if (error) return viewSummary(this, `${CANNOT_LIST}${error}`);
    const counts = (this.data?.datasets ?? []).map(
      (d, k) => `${d.name} ${formatCount(rows.dataset.filter((x) => x === k).length)}`
    );
    const picked = this.value ? this.#label(this.value.dataset, this.value.row) : "none";
    return viewSummary(
      this,
      `${formatCountOf(rows.row.length, "row")}${counts.length ? ` (${counts.join(", ")})` : ""}; picked: ${picked}`
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const keys = ["data", "selection", "clusters", "columns", "embedding", "pixels"] as const;
    const listed = keys.some((key) => changed.has(key));
    if (listed) {
      ({rows: this.#rows, error: this.#error} = this.#resolve());
      this.#columns = this.data
        ? tableColumns(this.data, this.#rows, {
            clusters: this.clusters,
            columns: this.columns,
            embedding: this.embedding,
            pixels: this.pixels
          })
        : [];
      const fill = !this.#columns.some((c) => c.kind === "raw");
      const chars = (c: TableColumn) => (c.kind === "text" ? textChars(c, this.#rows.row.length) : 0);
      this.#template = this.#columns.map((c) => columnWidth(c.kind, chars(c), fill)).join(" ");
      this.#images = new Map();
      this._expanded = null;
      this._active = 0;
    }
    // Here rather than in setters: data and selection come together, and either alone may not match the other.
    if (changed.has("data") || changed.has("selection")) this.#followPick();
    // Sorting reads every row: only new rows or a new sort ask for it, never a scroll or a key press.
    if (listed || this._sort !== this.#orderSort) {
      const column = this.#columns.find((c) => c.key === this._sort?.key);
      this.#order = sortedOrder(this.#rows.row.length, column, this._sort);
      this.#orderSort = this._sort;
    }
  }

  protected override render() {
    if (this.#error) return html`<p class="state error" role="alert">${CANNOT_LIST}${this.#error}</p>`;
    const n = this.#rows.row.length;
    if (!n)
      return html`<p class="empty" role="status">
        No rows selected. Click or lasso points in the point cloud, or find rows with px.similar.
      </p>`;
    const visible = Math.ceil(this.height / ROW_HEIGHT) + 2 * OVERSCAN;
    const first = Math.max(0, Math.min(this._first - OVERSCAN, n - visible));
    const shown = Array.from({length: Math.min(visible, n - first)}, (_, k) => first + k);
    return html`<div
        class="grid"
        role="grid"
        tabindex="0"
        aria-label=${`${formatCount(n)} selected rows`}
        aria-rowcount=${n + 1}
        aria-colcount=${this.#columns.length}
        aria-activedescendant=${`row-${this._active}`}
        style=${`--columns: ${this.#template}`}
        @keydown=${this.#onKey}
      >
        <div class="scroller" style=${`max-height: ${this.height}px`} @scroll=${this.#onScroll}>
          <div
            class="head"
            role="row"
            aria-rowindex="1"
            @keydown=${this.#onHeadKey}
            @focusin=${this.#onHeadFocus}
          >
            ${this.#headers()}
          </div>
          <div class="spacer" role="rowgroup" style=${`height: ${n * ROW_HEIGHT}px`}>
            ${repeat(
              shown,
              (k) => this.#order[k]!,
              (k) => this.#row(k)
            )}
          </div>
        </div>
      </div>
      ${this.#detail()}`;
  }

  // phx.selectionTable checks its arguments, but code may set a selection naming rows the data lacks: then no
  // rows, and the message in their place, rather than an update that throws and leaves the old rows showing.
  #resolve(): {rows: TableRows; error: string | null} {
    if (!this.data) return {rows: NO_ROWS, error: null};
    try {
      return {rows: resolveRows(this.data, this.selection), error: null};
    } catch (error) {
      return {rows: NO_ROWS, error: error instanceof Error ? error.message : String(error)};
    }
  }

  #headers() {
    const stop = this.#headStop.stop(
      this.#columns.map((c) => c.key),
      this._sort?.key ?? null,
      !!(this.renderRoot as ShadowRoot).activeElement?.matches(".head button")
    );
    return this.#columns.map((column) => {
      const sort = this._sort?.key === column.key ? this._sort.direction : "none";
      const arrow = sort === "ascending" ? " ↑" : sort === "descending" ? " ↓" : "";
      return html`<div role="columnheader" aria-sort=${sort} class=${column.kind === "number" ? "num" : ""}>
        <button
          title=${column.label}
          data-key=${column.key}
          tabindex=${column.key === stop ? 0 : -1}
          @click=${() => (this._sort = nextSort(this._sort, column.key))}
        >
          ${column.label}${arrow}
        </button>
      </div>`;
    });
  }

  readonly #onHeadFocus = (event: FocusEvent): void => {
    const key = (event.target as HTMLElement).closest<HTMLElement>("button[data-key]")?.dataset.key;
    if (key !== undefined) this.#headStop.focused(key);
  };

  // Left and right move the focus between the headers' buttons, Home and End to the ends.
  readonly #onHeadKey = (event: KeyboardEvent): void => {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>(".head button[data-key]")];
    const at = buttons.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to = {ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1}[event.key];
    if (to === undefined) return;
    event.preventDefault();
    buttons[Math.min(buttons.length - 1, Math.max(0, to))]!.focus();
  };

  // Row `k` in display order: listed row `i`.
  #row(k: number) {
    const i = this.#order[k]!;
    const [dataset, row] = [this.#rows.dataset[i]!, this.#rows.row[i]!];
    const picked = this.value?.dataset === dataset && this.value.row === row;
    const rowLabel = this.#label(dataset, row);
    const context = {
      rowLabel,
      remoteImages: this.remoteImages,
      expanded: this._expanded === i,
      active: k === this._active,
      toggle: (event: Event) => {
        event.stopPropagation();
        this._expanded = this._expanded === i ? null : i;
      },
      images: this.#images
    };
    return html`<div
      role="row"
      id=${`row-${k}`}
      class=${`row${k === this._active ? " active" : ""}`}
      aria-rowindex=${k + 2}
      aria-selected=${picked ? "true" : "false"}
      aria-label=${rowLabel}
      data-dataset=${dataset}
      data-row=${row}
      style=${`transform: translateY(${k * ROW_HEIGHT}px)`}
      @click=${() => this.#pick(k)}
    >
      ${this.#columns.map((c) => renderCell(c, i, context))}
    </div>`;
  }

  // The expanded row's raw data in full, side by side when there are several (prompt and response).
  #detail() {
    const i = this._expanded;
    if (i === null) return nothing;
    const raw = this.#columns.filter((c) => c.kind === "raw");
    return html`<section
      class="detail"
      aria-label=${`raw data of ${this.#label(this.#rows.dataset[i]!, this.#rows.row[i]!)}`}
    >
      ${raw.map(
        (c) =>
          html`<div>
            <h4>${c.label}</h4>
            <pre>${cellText(c.value(i))}</pre>
          </div>`
      )}
    </section>`;
  }

  #label(dataset: number, row: number): string {
    return `${this.data?.datasets[dataset]?.name ?? `dataset ${dataset}`} row ${row}`;
  }

  // The picked row among the rows listed now, with its point in the current data; null when not listed.
  #followPick(): void {
    const picked = this.value;
    if (!picked) return;
    const {dataset, row, point} = this.#rows;
    let i = 0;
    while (i < row.length && (row[i] !== picked.row || dataset[i] !== picked.dataset)) ++i;
    if (i === row.length) return followValue(this, null);
    if (point[i] !== picked.point)
      followValue(this, {dataset: picked.dataset, row: picked.row, point: point[i]!});
  }

  #pick(k: number): void {
    const i = this.#order[k]!;
    this._active = k;
    this.value = {dataset: this.#rows.dataset[i]!, row: this.#rows.row[i]!, point: this.#rows.point[i]!};
    emitInput(this);
  }

  #onScroll = (event: Event): void => {
    this._first = Math.floor((event.target as HTMLElement).scrollTop / ROW_HEIGHT);
  };

  #onKey = (event: KeyboardEvent): void => {
    if (event.target !== event.currentTarget) return;
    const n = this.#rows.row.length;
    const page = Math.max(1, Math.floor(this.height / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: this._active + 1,
      ArrowUp: this._active - 1,
      PageDown: this._active + page,
      PageUp: this._active - page,
      Home: 0,
      End: n - 1
    };
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      this.#pick(this._active);
      return;
    }
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    this._active = Math.max(0, Math.min(n - 1, to));
    this.#scrollTo(this._active);
  };

  // Brings display row k into view below the sticky header; the scroll event then renders it.
  #scrollTo(k: number): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>(".scroller");
    if (!scroller) return;
    const head = this.renderRoot.querySelector<HTMLElement>(".head")?.offsetHeight ?? 0;
    const top = k * ROW_HEIGHT;
    const bottom = top + ROW_HEIGHT + head;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (bottom > scroller.scrollTop + scroller.clientHeight)
      scroller.scrollTop = bottom - scroller.clientHeight;
    this._first = Math.floor(scroller.scrollTop / ROW_HEIGHT);
  }
}
