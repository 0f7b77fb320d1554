import {css, html, LitElement} from "lit";
import {ColorSchemeController} from "../color-scheme.ts";
import {formatTime} from "../format.ts";
import {SizeController} from "../size-controller.ts";
import {palettes, preferredThemeStyles, themeStyles, type Theme} from "../theme.ts";
import {emitInput, formatCountOf, viewSummary, type ViewSummary} from "../view.ts";
import {stepWindow} from "./step-window.ts";
import {addTimeBrush} from "./time-brush.ts";
import {timelineChart, type DriftSeriesPoint, type TimeWindow} from "./timeline-chart.ts";

/**
 * `<phx-drift-timeline>`: a drift series (px.embeddingDrift's or a feature's `series`) as an Observable Plot
 * line, empty windows as gaps. Drag across it to pick a time window; click to pick the window that ends at
 * the nearest point; Escape or a double click clears. From the keyboard, the arrows pick the window of the
 * previous or next point (Home, End: the first, the last). Without a `theme` it follows
 * `prefers-color-scheme`. `value` is {start, end} (epoch ms, end exclusive) or null; `input` fires when the
 * user changes it.
 */
export class PhxDriftTimeline extends LitElement {
  static override properties = {
    series: {attribute: false},
    label: {},
    window: {type: Number},
    height: {type: Number},
    theme: {reflect: true},
    value: {attribute: false}
  };
  static override styles = [
    themeStyles,
    preferredThemeStyles,
    css`
      :host(:focus) {
        outline: none;
      }
      :host(:focus-visible) .chart {
        outline: 2px solid var(--phx-primary);
        outline-offset: 2px;
      }
      .state {
        margin: 0;
        padding: 1em;
        color: var(--phx-muted);
      }
      .chart svg {
        display: block;
        overflow: visible;
      }
      .brush-band {
        fill: var(--phx-foreground);
        fill-opacity: 0.1;
        stroke: var(--phx-foreground);
        stroke-dasharray: 3 2;
      }
      .status {
        color: var(--phx-muted);
        font-size: 12px;
      }
    `
  ];

  /** The points, ascending in time. Default: [] (none). */
  declare series: readonly DriftSeriesPoint[];
  /** The y axis label. Default: "drift". */
  declare label: string;
  /**
   * The window (ms) a click picks, ending at the clicked point. Default: the window the point's drift was
   * computed over (px's series give each point its `start`), else the spacing of the points.
   */
  declare window: number | undefined;
  /** CSS pixels. Default: 220. */
  declare height: number;
  /** The look: "light" or "dark". Default: unset, which follows the reader's prefers-color-scheme. */
  declare theme: Theme | undefined;
  /** The picked window, or null. Default: null. */
  declare value: TimeWindow | null;

  readonly #size = new SizeController(this, {width: 640, height: 0});
  readonly #scheme = new ColorSchemeController(this);

  constructor() {
    super();
    this.series = [];
    this.label = "drift";
    this.height = 220;
    this.value = null;
    this.addEventListener("keydown", (event) => this.#key(event));
    this.addEventListener("dblclick", () => this.#pick(null));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Focusable, so that the keys reach it; a group named by its summary for screen readers.
    if (!this.hasAttribute("tabindex")) this.tabIndex = 0;
    if (!this.hasAttribute("role")) this.setAttribute("role", "group");
  }

  /** The headless runner's summary (see src/runtime/headless/summarize.ts). */
  toJSON(): ViewSummary {
    return viewSummary(this, this.#summary());
  }

  protected override render() {
    this.setAttribute("aria-label", this.#summary());
    const state = !Array.isArray(this.series)
      ? "Cannot draw the drift: the series is not a list of {timestamp, value, count}."
      : !this.series.some((point) => Number.isFinite(point.value))
        ? this.series.length
          ? "No drift to draw: every window is empty."
          : "No drift series to draw."
        : null;
    if (state)
      return html`<p class=${Array.isArray(this.series) ? "state" : "state error"} role="status">
        ${state}
      </p>`;
    // Until the first size is in, a box of the chart's height: the chart is drawn once, at the real width.
    if (!this.#size.measured)
      return html`<div class="chart" style="height: ${this.height}px"></div>
        <div class="status" role="status">${this.#summary()}</div>`;
    const palette = palettes[this.theme ?? this.#scheme.preferred] ?? palettes.light;
    const chart = timelineChart(this.series, {
      width: this.#size.width,
      height: this.height,
      label: this.label,
      palette,
      window: this.value
    });
    const x = chart.scale("x");
    const y = chart.scale("y");
    if (x?.invert && x.range && y?.range) {
      const [left, right] = x.range as [number, number];
      const [bottom, top] = y.range as [number, number];
      const invert = x.invert.bind(x);
      addTimeBrush(chart, {
        left,
        right,
        top,
        bottom,
        brushed: (x0, x1) => this.#pick({start: +invert(x0), end: +invert(x1)}),
        clicked: (px) => this.#pickNearest(+invert(px))
      });
    }
    chart.setAttribute("aria-hidden", "true");
    return html`<div class="chart">${chart}</div>
      <div class="status" role="status">${this.#summary()}</div>`;
  }

  // Complete once the chart is drawn: a first update that drew only the placeholder is not.
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    if (this.#size.measured) return complete;
    await this.#size.whenMeasured();
    return super.getUpdateComplete();
  }

  #summary(): string {
    const {value} = this;
    const series = Array.isArray(this.series) ? this.series : [];
    const range = series.length
      ? `${formatTime(series[0]!.timestamp)} … ${formatTime(series.at(-1)!.timestamp)}`
      : "no points";
    const picked = value
      ? `${formatTime(value.start)} … ${formatTime(value.end)}`
      : "none (drag, click or arrow keys to pick)";
    return `${this.label} over ${formatCountOf(series.length, "window")}, ${range}; window: ${picked}`;
  }

  #key(event: KeyboardEvent): void {
    if (event.key === "Escape") return this.#pick(null);
    const series = Array.isArray(this.series) ? this.series : [];
    const at = stepWindow(series, this.value, event.key);
    if (at === null) return;
    event.preventDefault();
    this.#pick(this.#windowOf(series[at]!));
  }

  /** The window that ends at the point nearest `t`. */
  #pickNearest(t: number): void {
    let nearest: DriftSeriesPoint | undefined;
    for (const point of this.series)
      if (!nearest || Math.abs(point.timestamp - t) < Math.abs(nearest.timestamp - t)) nearest = point;
    if (nearest) this.#pick(this.#windowOf(nearest));
  }

  /**
   * The window a point measures: the one its drift was computed over (its `start`, from px), else `window`
   * ms, else the spacing of the points, ending at the point. Never empty: a lone point without `start` picks
   * the millisecond before it.
   */
  #windowOf(point: DriftSeriesPoint): TimeWindow {
    const length = this.window ?? (point.start === undefined ? spacing(this.series) : undefined);
    const start = length === undefined ? point.start! : point.timestamp - length;
    return {start: Math.min(start, point.timestamp - 1), end: point.timestamp};
  }

  #pick(window: TimeWindow | null): void {
    if (window?.start === this.value?.start && window?.end === this.value?.end) return;
    this.value = window;
    emitInput(this);
  }
}

/** The median gap between consecutive timestamps (the sampling interval); 0 with fewer than two points. */
function spacing(series: readonly DriftSeriesPoint[]): number {
  const gaps = series.slice(1).map((point, i) => point.timestamp - series[i]!.timestamp);
  gaps.sort((a, b) => a - b);
  return gaps.length ? gaps[gaps.length >> 1]! : 0;
}
