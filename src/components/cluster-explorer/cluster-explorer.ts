import {html, LitElement, nothing} from "lit";
import {repeat} from "lit/directives/repeat.js";
import type {ClusterSummary} from "../../index.ts";
import {categorical} from "../colors.ts";
import {formatRatio, formatShare, formatValue} from "../format.ts";
import {RovingTabStop} from "../roving-tab-stop.ts";
import {preferredThemeStyles, themeStyles, type Theme} from "../theme.ts";
import {emitInput, followItem, formatCount, formatCountOf, viewSummary, type ViewSummary} from "../view.ts";
import {driftBar} from "./drift-bar.ts";
import {rowLabel} from "./row-label.ts";
import {clusterExplorerStyles} from "./styles.ts";

/** Which optional columns the rows show. */
interface Columns {
  readonly hasMetric: boolean;
  readonly hasReference: boolean;
}

const NOT_A_SUMMARY = "Cannot show the clusters: the summary is not a list (px.clusterSummary's result).";

/**
 * `<phx-cluster-explorer>`: the clusters of `px.clusterSummary` in its rank order, each a button showing its
 * id, size, drift ratio (a bar from −1 reference to +1 primary), the share of each dataset's points it holds
 * and the metric per dataset. Click, Enter or Space selects a cluster (again: deselects); arrow keys move
 * between rows (Home, End: the first and last). The list is one tab stop: the row last focused, else the
 * selected one, else the first; a new `summary` keeps the focus on its cluster (one that is gone passes it
 * to the next row, at the end the one before). Each row's accessible name reads the cluster's figures.
 * Without a `theme` it follows `prefers-color-scheme`. `value` is the selected ClusterSummary or null;
 * `input` fires when the user changes it, and when a new `summary` changes it.
 */
export class PhxClusterExplorer extends LitElement {
  static override properties = {
    summary: {attribute: false, noAccessor: true},
    metricLabel: {attribute: "metric-label"},
    datasetNames: {attribute: false},
    theme: {reflect: true},
    value: {attribute: false}
  };
  static override styles = [themeStyles, preferredThemeStyles, clusterExplorerStyles];

  #summary: readonly ClusterSummary[] = [];
  readonly #tabStop = new RovingTabStop<number>(this);

  /**
   * The clusters, ranked (px.clusterSummary's order is kept). A new summary (a reclustering) keeps the pick
   * by cluster id, its object of the new summary, or none when that id is gone. Default: [] (none).
   */
  get summary(): readonly ClusterSummary[] {
    return this.#summary;
  }

  set summary(summary: readonly ClusterSummary[]) {
    const old = this.#summary;
    this.#summary = summary;
    this.requestUpdate("summary", old);
    // At once, not on render: the cells reading the value must not get a cluster of the old clustering.
    followItem(this, summary, (cluster) => cluster.id);
  }

  /** The metric's column header. Default: "metric". */
  declare metricLabel: string;
  /** Names of the primary and reference datasets in headers. Default: ["primary", "reference"]. */
  declare datasetNames: readonly [string, string];
  /** The look: "light" or "dark". Default: unset, which follows the reader's prefers-color-scheme. */
  declare theme: Theme | undefined;
  /** The selected cluster, or null. Default: null. */
  declare value: ClusterSummary | null;

  constructor() {
    super();
    this.metricLabel = "metric";
    this.datasetNames = ["primary", "reference"];
    this.value = null;
  }

  /** The headless runner's summary (see src/runtime/headless/summarize.ts). */
  toJSON(): ViewSummary {
    if (!Array.isArray(this.summary)) return viewSummary(this, NOT_A_SUMMARY);
    const drift = (s: ClusterSummary) => (this.#hasReference() ? `, drift ${formatRatio(s.driftRatio)}` : "");
    const top = this.summary
      .slice(0, 3)
      .map((s) => `#${s.id} (${formatCountOf(s.size, "point")}${drift(s)})`);
    const more = this.summary.length > 3 ? ", …" : "";
    const selected = this.value ? `#${this.value.id}` : "none";
    return viewSummary(
      this,
      `${formatCountOf(this.summary.length, "cluster")}${top.length ? `: ${top.join(", ")}${more}` : ""}; selected: ${selected}`
    );
  }

  protected override render() {
    // Set on the element by hand, the summary may be anything: say so rather than throw in render.
    if (!Array.isArray(this.summary)) return html`<p class="state error" role="alert">${NOT_A_SUMMARY}</p>`;
    const hasMetric = this.summary.some((s) => s.metric !== null);
    const hasReference = this.#hasReference();
    const layout = `${hasMetric ? "" : " no-metric"}${hasReference ? "" : " no-reference"}`;
    const [primary, reference] = this.datasetNames;
    const names = hasReference ? `${primary} / ${reference}` : primary;
    const pair = html`<small>${names}</small>`;
    const stop = this.#tabStop.stop(
      this.summary.map((s) => s.id),
      this.value?.id ?? null,
      this.#focusInList()
    );
    return html`<div class=${`head${layout}`} aria-hidden="true">
        <span>cluster</span><span class="num">size</span>
        ${
          hasReference
            ? html`<span title=${`drift ratio: ${reference} ← → ${primary}`}
                  >drift ratio<small>${reference} ← → ${primary}</small></span
                ><span></span>`
            : nothing
        }
        <span class="num" title=${`share: ${names}`}>share${pair}</span>
        ${
          hasMetric
            ? html`<span class="num" title=${`${this.metricLabel}: ${names}`}
                >${this.metricLabel}${pair}</span
              >`
            : nothing
        }
      </div>
      ${
        this.summary.length
          ? html`<ol aria-label="clusters" @keydown=${this.#arrows} @focusin=${this.#focusIn}>
              ${repeat(
                this.summary,
                (s) => s.id,
                (s) => this.#row(s, layout, {hasMetric, hasReference}, s.id === stop)
              )}
            </ol>`
          : html`<p class="empty-list" role="status">No clusters.</p>`
      }`;
  }

  #row(s: ClusterSummary, layout: string, has: Columns, isStop: boolean) {
    const {hasMetric, hasReference} = has;
    const selected = this.value?.id === s.id;
    // Without a reference, the reference's share and metric are "—" in every row: only the primary's show.
    const pair = (value: string, referenceValue: string) =>
      hasReference ? html`${value} / <span class="ref">${referenceValue}</span>` : value;
    return html`<li>
      <button
        class=${`row${layout}`}
        tabindex=${isStop ? 0 : -1}
        aria-pressed=${selected ? "true" : "false"}
        aria-label=${rowLabel(s, this.datasetNames, hasMetric ? this.metricLabel : null, hasReference)}
        data-id=${s.id}
        @click=${() => this.#choose(s)}
      >
        <span class="id"><i style=${`background: ${categorical(s.id)}`}></i>#${s.id}</span>
        <span class="num">${formatCount(s.size)}</span>
        ${hasReference ? html`${driftBar(s.driftRatio)}<span class="num">${formatRatio(s.driftRatio)}</span>` : nothing}
        <span class="num pair">${pair(formatShare(s.primaryShare), formatShare(s.referenceShare))}</span>
        ${
          hasMetric
            ? html`<span class="num pair"
                >${pair(formatValue(s.metric?.primary), formatValue(s.metric?.reference))}</span
              >`
            : nothing
        }
      </button>
    </li>`;
  }

  protected override updated(): void {
    this.#tabStop.keepFocus(this.renderRoot as ShadowRoot, "button.row");
  }

  // px.clusterSummary without a reference gives every cluster a null drift ratio and reference share.
  #hasReference(): boolean {
    return this.summary.some((s) => s.driftRatio !== null || s.referenceShare !== null);
  }

  #choose(s: ClusterSummary): void {
    this.value = this.value?.id === s.id ? null : s;
    emitInput(this);
  }

  #focusInList(): boolean {
    return !!(this.renderRoot as ShadowRoot).activeElement?.matches("button.row");
  }

  readonly #focusIn = (event: FocusEvent) => {
    const id = (event.target as HTMLElement).closest<HTMLElement>("button.row")?.dataset.id;
    if (id !== undefined) this.#tabStop.focused(Number(id));
  };

  // Up and down move the focus between rows, as in a list box, Home and End to the ends; Enter and Space are
  // the buttons' own.
  readonly #arrows = (event: KeyboardEvent) => {
    const rows = [...this.renderRoot.querySelectorAll<HTMLButtonElement>("button.row")];
    const at = rows.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLButtonElement);
    const to = {ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1}[event.key];
    if (to === undefined) return;
    const next = rows[Math.min(rows.length - 1, Math.max(0, to))];
    if (!next) return;
    event.preventDefault();
    next.focus();
  };
}
