import {html, LitElement, nothing, svg, type PropertyValues} from "lit";
import {hexToRgb} from "../colors.ts";
import {SizeController} from "../size-controller.ts";
import {palettes, themeStyles, type Theme} from "../theme.ts";
import {emitInput, formatCount, viewSummary, type ViewSummary} from "../view.ts";
import {orbit, pan, zoomAt, type Camera} from "./camera.ts";
import {PointerGestures} from "./gestures.ts";
import {GlController} from "./gl-controller.ts";
import type {GlPoints} from "./gl-points.ts";
import {hoverText} from "./hover-text.ts";
import {legend} from "./legend.ts";
import {pointColors, pointFlags} from "./point-colors.ts";
import {normalizeSelection, sameSelection} from "./selection.ts";
import {pointCloudStyles} from "./styles.ts";
import {pointCloudSummary} from "./summary.ts";
import {pointCount, type ColorBy, type PointCloudData, type PointClusters} from "./types.ts";
import {PointView} from "./point-view.ts";

/** Hover picks points within this many CSS pixels of the pointer (or the point radius, if larger). */
const PICK_RADIUS = 8;
/** The properties the color buffer, and the flag buffer, are computed from. */
const COLOR_INPUTS = ["projection", "colorBy", "clusters", "theme"];
const FLAG_INPUTS = ["projection", "highlight", "value"];
const changedAny = (changed: PropertyValues, keys: readonly string[]) => keys.some((key) => changed.has(key));

/**
 * `<phx-point-cloud>`: a projection drawn with WebGL, 2-D (drag pans) or 3-D (drag orbits); the wheel zooms.
 * Hover shows a point's dataset, row, cluster and raw data; click selects a point, Shift+drag lassoes
 * points, Escape clears. `value` is the selected point indices (Int32Array, ascending); `input` fires when
 * the user changes it.
 */
export class PhxPointCloud extends LitElement {
  static override properties = {
    projection: {attribute: false},
    colorBy: {attribute: false},
    clusters: {attribute: false},
    highlight: {attribute: false},
    rawData: {attribute: false},
    theme: {reflect: true},
    height: {type: Number},
    pointSize: {type: Number, attribute: "point-size"},
    value: {attribute: false, noAccessor: true},
    hovered: {state: true},
    lassoPath: {state: true}
  };
  static override styles = [themeStyles, pointCloudStyles];

  /** The points: a Projection from px.project. */
  declare projection: PointCloudData | undefined;
  /** "dataset", "cluster" (needs `clusters`), or a number per point. Default: "dataset". */
  declare colorBy: ColorBy;
  /** Cluster labels per point, for colorBy "cluster" and the tooltip. */
  declare clusters: PointClusters | undefined;
  /** Point indices drawn larger and outlined (e.g. a cluster's points). */
  declare highlight: ArrayLike<number> | undefined;
  /** The hover text of a point (shown as text, never parsed as HTML). */
  declare rawData: ((pointIndex: number) => unknown) | undefined;
  /** The look: "light" or "dark". Default: "light". */
  declare theme: Theme;
  /** CSS pixels. Default: 420. */
  declare height: number;
  /** Point diameter in CSS pixels. Default: 4. */
  declare pointSize: number;
  declare protected hovered: {index: number; x: number; y: number} | null;
  declare protected lassoPath: readonly number[] | null;

  #value: Int32Array = new Int32Array(0);
  #view: PointView | undefined;
  #colors: Uint8Array | undefined;
  #flags: Uint8Array | undefined;
  readonly #gl = new GlController(this, (points) => this.#draw(points));
  readonly #gestures = new PointerGestures(this, {
    hover: (x, y) => this.#hover(x, y),
    leave: () => (this.hovered = null),
    drag: (dx, dy) =>
      this.#moveCamera((camera, w, h) =>
        camera.kind === "2d" ? pan(camera, dx, dy, w, h) : orbit(camera, dx, dy)
      ),
    zoom: (factor, x, y) => this.#moveCamera((camera, w, h) => zoomAt(camera, factor, x, y, w, h)),
    click: (x, y) => {
      const index = this.#pick(x, y);
      this.#select(index < 0 ? [] : [index]);
    },
    lasso: (polygon, done) => this.#lasso(polygon, done)
  });

  constructor() {
    super();
    this.colorBy = "dataset";
    this.theme = "light";
    this.height = 420;
    this.pointSize = 4;
    this.hovered = null;
    this.lassoPath = null;
    // Redraw when the page resizes the view (the canvas follows its box).
    new SizeController(this, {width: 0, height: 0});
    this.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      this.lassoPath = null;
      this.#select([]);
    });
  }

  /** The selected point indices, ascending. Setting it selects without firing `input`. Default: none. */
  get value(): Int32Array {
    return this.#value;
  }

  set value(indices: ArrayLike<number> | null | undefined) {
    const old = this.#value;
    // Before a projection arrives any index may be valid; willUpdate drops those past its end.
    this.#value = normalizeSelection(indices, this.projection ? pointCount(this.projection) : Infinity);
    this.requestUpdate("value", old);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Focusable, so that Escape reaches it after a click.
    if (!this.hasAttribute("tabindex")) this.tabIndex = 0;
  }

  /** The headless runner's summary (see src/runtime/headless/summarize.ts). */
  toJSON(): ViewSummary {
    return viewSummary(this, this.#summary());
  }

  protected override willUpdate(changed: PropertyValues): void {
    const data = this.projection;
    if (changed.has("projection")) {
      this.#view = data ? new PointView(data) : undefined;
      this.#value = normalizeSelection(this.#value, pointCount(data));
      this.hovered = null;
    }
    if (!data) return;
    if (changedAny(changed, COLOR_INPUTS))
      this.#colors = pointColors(
        data.dataset,
        this.colorBy,
        this.clusters,
        palettes[this.theme] ?? palettes.light
      );
    if (changedAny(changed, FLAG_INPUTS))
      this.#flags = pointFlags(pointCount(data), this.highlight, this.#value);
  }

  protected override render() {
    const canvas = this.#gl.unavailable
      ? html`<p class="fallback">
          ${this.#summary()}. WebGL is unavailable here, so the points are not drawn.
        </p>`
      : html`<canvas aria-label=${this.#summary()}></canvas>`;
    // A press on the points focuses the view so that Escape reaches it (gestures cancel the default focus).
    return html`<div
        class="surface"
        style="height: ${this.height}px"
        @pointerdown=${() => this.focus({preventScroll: true})}
      >
        ${canvas}
        <svg class="lasso">
          ${this.lassoPath ? svg`<polygon points=${this.lassoPath.join(" ")}></polygon>` : nothing}
        </svg>
        ${this.#tooltip()}
      </div>
      <div class="status">
        ${legend(this.projection, this.colorBy)}
        <span>${formatCount(this.#value.length)} selected</span>
        <span class="hint"
          >${this.projection?.nComponents === 3 ? "drag: orbit" : "drag: pan"} · wheel: zoom · click or
          Shift+drag: select · Esc: clear</span
        >
      </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    const canvas = this.renderRoot.querySelector("canvas");
    const data = this.projection;
    const acquired = this.#gl.acquire(canvas);
    if (canvas) this.#gestures.attach(canvas);
    if (!acquired || !data) return;
    const {points, fresh} = acquired;
    if (fresh || changed.has("projection")) points.setPositions(data.coordinates, data.nComponents);
    if (this.#colors && (fresh || changedAny(changed, COLOR_INPUTS))) points.setColors(this.#colors);
    if (this.#flags && (fresh || changedAny(changed, FLAG_INPUTS))) points.setFlags(this.#flags);
    this.#gl.requestDraw();
  }

  // The tooltip's text goes through lit's text bindings, which set text nodes' data (as textContent does):
  // raw data such as "<img onerror=…>" shows as those characters and never becomes markup.
  #tooltip() {
    const {hovered, projection} = this;
    if (!hovered || !projection) return nothing;
    const {title, cluster, raw} = hoverText(projection, hovered.index, this.clusters, this.rawData);
    const flip = hovered.x > (this.renderRoot.querySelector(".surface")?.clientWidth ?? 0) / 2;
    const style = `left: ${hovered.x + (flip ? -14 : 14)}px; top: ${hovered.y + 14}px;${flip ? " transform: translateX(-100%);" : ""}`;
    return html`<div class="tooltip" role="status" style=${style}>
      <div class="title">${title}</div>
      ${cluster ? html`<div class="cluster">${cluster}</div>` : nothing}
      ${raw === null ? nothing : html`<div class="raw">${raw}</div>`}
    </div>`;
  }

  #summary(): string {
    return pointCloudSummary(this.projection, this.#value.length);
  }

  #canvasSize(): [number, number] {
    const canvas = this.renderRoot.querySelector("canvas");
    return [canvas?.clientWidth ?? 0, canvas?.clientHeight ?? 0];
  }

  #draw(points: GlPoints): void {
    const [width, height] = this.#canvasSize();
    const view = this.#view;
    if (!view || !width || !height) return;
    const ratio = globalThis.devicePixelRatio || 1;
    const palette = palettes[this.theme] ?? palettes.light;
    points.draw(Math.round(width * ratio), Math.round(height * ratio), {
      matrix: view.matrix(width, height),
      pointSize: this.pointSize * ratio,
      layered: this.projection?.nComponents === 2,
      hasSelection: this.#value.length > 0,
      focusDistance: view.focusDistance(width, height),
      background: hexToRgb(palette.background),
      outline: hexToRgb(palette.foreground)
    });
  }

  #pick(x: number, y: number): number {
    const [width, height] = this.#canvasSize();
    if (!this.#view || !width || !height) return -1;
    return this.#view.nearest(x, y, Math.max(PICK_RADIUS, this.pointSize), width, height);
  }

  #hover(x: number, y: number): void {
    const index = this.#pick(x, y);
    this.hovered = index < 0 ? null : {index, x, y};
  }

  #moveCamera(move: (camera: Camera, width: number, height: number) => Camera): void {
    const [width, height] = this.#canvasSize();
    if (!this.#view || !width || !height) return;
    this.#view.move(move(this.#view.camera, width, height));
    this.hovered = null;
    this.#gl.requestDraw();
  }

  #lasso(polygon: readonly number[], done: boolean): void {
    this.lassoPath = done ? null : [...polygon];
    if (!done || polygon.length < 6) return;
    const [width, height] = this.#canvasSize();
    if (this.#view && width && height) this.#select(this.#view.inside(polygon, width, height));
  }

  /** Selects as the user did: fires `input` when the selection changed. */
  #select(indices: ArrayLike<number>): void {
    const next = normalizeSelection(indices, pointCount(this.projection));
    if (sameSelection(next, this.#value)) return;
    this.value = next;
    emitInput(this);
  }
}
