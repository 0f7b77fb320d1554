import {css, html, LitElement, nothing} from "lit";
import type {FeatureDrift} from "../../index.ts";
import {formatValue} from "../format.ts";
import {SizeController} from "../size-controller.ts";
import {palettes, themeStyles, type Theme} from "../theme.ts";
import {emitInput, formatCount, viewSummary, type ViewSummary} from "../view.ts";
import {binsChart} from "./bins-chart.ts";
import {nextOrder, sortDrift, type DriftOrder} from "./sort.ts";

/**
 * `<phx-feature-drift-table>`: the features of px.featureDrift with their divergence and a bar, sorted by
 * value (click the header to flip). Clicking a feature (or Enter on it) shows its bins, primary against
 * reference, as a Plot bar chart. `value` is the chosen FeatureDrift or null; `input` fires when the user
 * changes it.
 */
export class PhxFeatureDriftTable extends LitElement {
  static override properties = {
    drift: {attribute: false},
    order: {},
    datasetNames: {attribute: false},
    theme: {reflect: true},
    value: {attribute: false}
  };
  static override styles = [
    themeStyles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        padding: 4px 8px;
        border-bottom: 1px solid var(--phx-subtle);
        text-align: left;
      }
      th {
        color: var(--phx-muted);
        font-weight: normal;
        font-size: 12px;
      }
      .num {
        text-align: right;
        width: 6em;
      }
      .kind {
        color: var(--phx-muted);
        width: 7em;
      }
      tbody tr {
        cursor: pointer;
      }
      tbody tr:hover {
        background: color-mix(in srgb, var(--phx-subtle) 60%, transparent);
      }
      tr[aria-selected="true"] {
        background: var(--phx-subtle);
      }
      button {
        border: 0;
        padding: 0;
        background: none;
        color: inherit;
        font: inherit;
        cursor: pointer;
      }
      button:focus-visible {
        outline: 2px solid var(--phx-primary);
      }
      .bar {
        width: 40%;
      }
      .bar span {
        display: block;
        height: 8px;
        border-radius: 2px;
        background: var(--phx-primary);
      }
      .bins {
        margin-top: 10px;
      }
    `
  ];

  /** One entry per feature, from px.featureDrift. Default: [] (none). */
  declare drift: readonly FeatureDrift[];
  /** By value, "descending" or "ascending", or "none" (as given). Default: "descending". */
  declare order: DriftOrder;
  /** Names of the primary and reference datasets in the bins chart. Default: ["primary", "reference"]. */
  declare datasetNames: readonly [string, string];
  /** The look: "light" or "dark". Default: "light". */
  declare theme: Theme;
  /** The feature whose bins are shown, or null. Default: null. */
  declare value: FeatureDrift | null;

  readonly #size = new SizeController(this, {width: 640, height: 0});

  constructor() {
    super();
    this.drift = [];
    this.order = "descending";
    this.datasetNames = ["primary", "reference"];
    this.theme = "light";
    this.value = null;
  }

  /** The headless runner's summary (see src/runtime/headless/summarize.ts). */
  toJSON(): ViewSummary {
    const rows = sortDrift(this.drift, this.order);
    const metric = rows[0]?.metric.toUpperCase() ?? "drift";
    const top = rows.slice(0, 3).map((d) => `${d.feature} ${formatValue(d.value)}`);
    const more = rows.length > 3 ? ", …" : "";
    const list = top.length ? `: ${top.join(", ")}${more}` : "";
    return viewSummary(this, `${formatCount(rows.length)} features by ${metric}${list}`);
  }

  protected override render() {
    const rows = sortDrift(this.drift, this.order);
    const metric = rows[0]?.metric.toUpperCase() ?? "drift";
    const max = Math.max(0, ...rows.map((d) => (Number.isFinite(d.value) ? d.value : 0)));
    const arrow = this.order === "ascending" ? "↑" : this.order === "descending" ? "↓" : "";
    return html`<table>
        <thead>
          <tr>
            <th>feature</th>
            <th class="kind">kind</th>
            <th class="num" aria-sort=${this.order === "none" ? "none" : this.order}>
              <button class="sort" @click=${() => (this.order = nextOrder(this.order))}>
                ${metric} ${arrow}
              </button>
            </th>
            <th class="bar"></th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (d) =>
              html`<tr aria-selected=${this.value === d ? "true" : "false"} @click=${() => this.#choose(d)}>
                <td><button class="feature">${d.feature}</button></td>
                <td class="kind">${d.kind}</td>
                <td class="num">${formatValue(d.value)}</td>
                <td class="bar">
                  <span style=${`width: ${max > 0 && d.value > 0 ? (d.value / max) * 100 : 0}%`}></span>
                </td>
              </tr>`
          )}
        </tbody>
      </table>
      ${
        this.value
          ? html`<div class="bins">
              ${binsChart(this.value, {
                width: this.#size.width,
                names: this.datasetNames,
                palette: palettes[this.theme] ?? palettes.light
              })}
            </div>`
          : nothing
      }`;
  }

  #choose(d: FeatureDrift): void {
    this.value = this.value === d ? null : d;
    emitInput(this);
  }
}
