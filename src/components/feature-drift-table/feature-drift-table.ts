import {html, LitElement, nothing} from "lit";
import {repeat} from "lit/directives/repeat.js";
import {ColorSchemeController} from "../color-scheme.ts";
import type {FeatureDrift} from "../../index.ts";
import {formatValue} from "../format.ts";
import {SizeController} from "../size-controller.ts";
import {RovingTabStop} from "../roving-tab-stop.ts";
import {palettes, preferredThemeStyles, themeStyles, type Theme} from "../theme.ts";
import {emitInput, followItem, formatCountOf, viewSummary, type ViewSummary} from "../view.ts";
import {binsChart} from "./bins-chart.ts";
import {nextOrder, sortDrift, type DriftOrder} from "./sort.ts";
import {featureDriftTableStyles} from "./styles.ts";

const NOT_A_LIST = "Cannot show the features: the drift is not a list (px.featureDrift's result).";

/**
 * `<phx-feature-drift-table>`: the features of px.featureDrift with their divergence and a bar, sorted by
 * value (click the header to flip). Clicking a feature (or Enter on it) shows its bins, primary against
 * reference, as a Plot bar chart. Up and down move between the features (Home, End: the first and last);
 * Enter or Space shows one. The features are one tab stop: the one last focused, else the chosen one, else
 * the first; new `drift` keeps the focus on its feature (one that is gone passes it to the next row, at the
 * end the one before). Without a `theme` it follows `prefers-color-scheme`. `value` is the chosen
 * FeatureDrift or null; `input` fires when the user changes it, and when new `drift` changes it.
 */
export class PhxFeatureDriftTable extends LitElement {
  static override properties = {
    drift: {attribute: false, noAccessor: true},
    order: {},
    datasetNames: {attribute: false},
    theme: {reflect: true},
    value: {attribute: false}
  };
  static override styles = [themeStyles, preferredThemeStyles, featureDriftTableStyles];

  #drift: readonly FeatureDrift[] = [];

  /**
   * One entry per feature, from px.featureDrift. New drift (recomputed on other rows) keeps the chosen
   * feature by name, its entry of the new drift, or none when it is gone. Default: [] (none).
   */
  get drift(): readonly FeatureDrift[] {
    return this.#drift;
  }

  set drift(drift: readonly FeatureDrift[]) {
    const old = this.#drift;
    this.#drift = drift;
    this.requestUpdate("drift", old);
    // At once, not on render: the cells reading the value must not get the old drift's bins.
    followItem(this, drift, (entry) => entry.feature);
  }

  /** By value, "descending" or "ascending", or "none" (as given). Default: "descending". */
  declare order: DriftOrder;
  /** Names of the primary and reference datasets in the bins chart. Default: ["primary", "reference"]. */
  declare datasetNames: readonly [string, string];
  /** The look: "light" or "dark". Default: unset, which follows the reader's prefers-color-scheme. */
  declare theme: Theme | undefined;
  /** The feature whose bins are shown, or null. Default: null. */
  declare value: FeatureDrift | null;

  readonly #size = new SizeController(this, {width: 640, height: 0});
  readonly #scheme = new ColorSchemeController(this);
  readonly #tabStop = new RovingTabStop<string>(this);

  constructor() {
    super();
    this.order = "descending";
    this.datasetNames = ["primary", "reference"];
    this.value = null;
  }

  /** The headless runner's summary (see src/runtime/headless/summarize.ts). */
  toJSON(): ViewSummary {
    if (!Array.isArray(this.drift)) return viewSummary(this, NOT_A_LIST);
    const rows = sortDrift(this.drift, this.order);
    const metric = rows[0]?.metric.toUpperCase() ?? "drift";
    const top = rows.slice(0, 3).map((d) => `${d.feature} ${formatValue(d.value)}`);
    const more = rows.length > 3 ? ", …" : "";
    const list = top.length ? `: ${top.join(", ")}${more}` : "";
    return viewSummary(this, `${formatCountOf(rows.length, "feature")} by ${metric}${list}`);
  }

  protected override render() {
    // Set on the element by hand, the drift may be anything: say so rather than throw in render.
    if (!Array.isArray(this.drift)) return html`<p class="state error" role="alert">${NOT_A_LIST}</p>`;
    if (!this.drift.length) return html`<p class="state" role="status">No features to compare.</p>`;
    const rows = sortDrift(this.drift, this.order);
    const metric = rows[0]?.metric.toUpperCase() ?? "drift";
    const max = Math.max(0, ...rows.map((d) => (Number.isFinite(d.value) ? d.value : 0)));
    const arrow = this.order === "ascending" ? "↑" : this.order === "descending" ? "↓" : "";
    const stop = this.#tabStop.stop(
      rows.map((d) => d.feature),
      this.value?.feature ?? null,
      !!(this.renderRoot as ShadowRoot).activeElement?.matches("button.feature")
    );
    return html`<table
        aria-label=${`features by ${metric}`}
        @keydown=${this.#arrows}
        @focusin=${this.#focusIn}
      >
        <thead>
          <tr>
            <th>feature</th>
            <th class="kind">kind</th>
            <th class="num" aria-sort=${this.order === "none" ? "none" : this.order}>
              <button
                class="sort"
                aria-label=${`${metric}, sort ${nextOrder(this.order) === "none" ? "as given" : nextOrder(this.order)}`}
                @click=${() => (this.order = nextOrder(this.order))}
              >
                ${metric} ${arrow}
              </button>
            </th>
            <th class="bar"></th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            rows,
            (d) => d.feature,
            (d) =>
              html`<tr aria-selected=${this.value === d ? "true" : "false"} @click=${() => this.#choose(d)}>
                <td>
                  <button
                    class="feature"
                    tabindex=${d.feature === stop ? 0 : -1}
                    data-feature=${d.feature}
                    title=${d.feature}
                    aria-pressed=${this.value === d ? "true" : "false"}
                    aria-label=${`${d.feature}, ${d.kind}, ${metric} ${formatValue(d.value)}`}
                    .textContent=${d.feature}
                  ></button>
                </td>
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
                palette: palettes[this.theme ?? this.#scheme.preferred] ?? palettes.light
              })}
            </div>`
          : nothing
      }`;
  }

  protected override updated(): void {
    this.#tabStop.keepFocus(this.renderRoot as ShadowRoot, "button.feature");
  }

  readonly #focusIn = (event: FocusEvent) => {
    const feature = (event.target as HTMLElement).closest<HTMLElement>("button.feature")?.dataset.feature;
    if (feature !== undefined) this.#tabStop.focused(feature);
  };

  // Up and down move the focus between the features' buttons, Home and End to the ends.
  readonly #arrows = (event: KeyboardEvent) => {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>("button.feature")];
    const at = buttons.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to = {ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1}[event.key];
    const next = to === undefined ? undefined : buttons[Math.min(buttons.length - 1, Math.max(0, to))];
    if (!next) return;
    event.preventDefault();
    next.focus();
  };

  #choose(d: FeatureDrift): void {
    this.value = this.value === d ? null : d;
    emitInput(this);
  }
}
