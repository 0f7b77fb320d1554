import {html, nothing, svg, type TemplateResult} from "lit";
import {formatCount} from "../view.ts";

/** What the point cloud's markup shows, as the element has it at a render. */
export interface CloudTemplate {
  /** The surface's height in CSS pixels. */
  readonly height: number;
  /** The points in a line (see pointCloudSummary): the canvas's label, and the fallback's text. */
  readonly summary: string;
  /** WebGL is unavailable: a text fallback takes the canvas's place. */
  readonly unavailable: boolean;
  /** What shows in place of the points (waiting, empty, error, lost context), or null when they draw. */
  readonly state: string | null;
  /** Whether `state` is an error. */
  readonly error: boolean;
  /** The lasso being drawn as [x0, y0, x1, y1, …], or null. */
  readonly lassoPath: readonly number[] | null;
  readonly legend: TemplateResult | typeof nothing;
  readonly tooltip: TemplateResult | typeof nothing;
  /** What the point cursor last said (its point, a selection it made), for the live region. */
  readonly announcement: string;
  /** How many points are selected. */
  readonly selected: number;
  /** 2 or 3 (the hint names the drag's pan or orbit); undefined before a projection. */
  readonly nComponents: number | undefined;
  /** A press on the surface: focus the element. */
  focus(): void;
  /** The tools: zoom to fit the visible points, or reset to the first view. */
  fit(reset: boolean): void;
}

/** The point cloud's markup: the surface (canvas, lasso, state, tools, tooltip), then the status bar. */
export function pointCloudTemplate(t: CloudTemplate): TemplateResult {
  const canvas = t.unavailable
    ? html`<p class="fallback">${t.summary}. WebGL is unavailable here, so the points are not drawn.</p>`
    : html`<canvas role="img" aria-label=${t.summary}></canvas>`;
  // A press on the points focuses the view so that Escape reaches it (gestures cancel the default focus).
  return html`<div class="surface" style="height: ${t.height}px" @pointerdown=${() => t.focus()}>
      ${canvas}
      <svg class="lasso">
        ${t.lassoPath ? svg`<polygon points=${t.lassoPath.join(" ")}></polygon>` : nothing}
      </svg>
      ${t.state ? html`<p class=${t.error ? "state error" : "state"} role="status">${t.state}</p>` : nothing}
      <div class="tools">
        <button title="Zoom to fit the visible points (F)" @click=${() => t.fit(false)}>Fit</button>
        <button title="Reset the view (0)" @click=${() => t.fit(true)}>Reset</button>
      </div>
      <div class="point-cursor" hidden></div>
      ${t.tooltip}
    </div>
    <div class="announce" aria-live="polite" aria-atomic="true">${t.announcement}</div>
    <div class="status">
      ${t.legend}
      <span>${formatCount(t.selected)} selected</span>
      <span class="hint"
        >${t.nComponents === 3 ? "drag or arrows: orbit" : "drag or arrows: pan"} · wheel or +/−: zoom · click
        or Shift+drag: select · Shift+arrows: go to a point, Enter: select it, Space: add or remove it · Esc:
        clear</span
      >
    </div>`;
}
