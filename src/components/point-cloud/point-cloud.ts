import {html, LitElement, nothing, svg, type PropertyValues} from "lit";
import {ColorSchemeController} from "../color-scheme.ts";
import {SizeController} from "../size-controller.ts";
import {palettes, preferredThemeStyles, themeStyles, type Theme} from "../theme.ts";
import {emitInput, formatCount, viewSummary, type ViewSummary} from "../view.ts";
import {orbit, pan, zoomAt, type Camera} from "./camera.ts";
import {CameraController} from "./camera-controller.ts";
import {PointerGestures} from "./gestures.ts";
import {DensityImage} from "./density.ts";
import {drawFrame} from "./frame.ts";
import {GlController} from "./gl-controller.ts";
import type {GlPoints} from "./gl-points.ts";
import {hoverText} from "./hover-text.ts";
import {keptCamera, remapPoints, samePoints} from "./keep-view.ts";
import {autoPointSize} from "./keys.ts";
import {hiddenPointIndices, keptHiddenEntries, legend, shownLegend, type ShownLegend} from "./legend.ts";
import {pointColoring, pointFlags, type PointColoring} from "./point-colors.ts";
import {PointView} from "./point-view.ts";
import {normalizeSelection, sameSelection} from "./selection.ts";
import {pointCloudStyles} from "./styles.ts";

export type {ShownLegend, ShownLegendEntry} from "./legend.ts";
import {pointCloudState, pointCloudSummary} from "./summary.ts";
import {tooltip} from "./tooltip.ts";
import {pointCount, type ColorBy, type PointCloudData, type PointClusters} from "./types.ts";

/** Hover picks points within this many CSS pixels of the pointer (or the point radius, if larger). */
const PICK_RADIUS = 8;
/** The properties the coloring, and the flag buffer, are computed from. */
const COLOR_INPUTS = ["projection", "colorBy", "clusters"];
const FLAG_INPUTS = ["projection", "highlight", "value", "hiddenEntries"];
const changedAny = (changed: PropertyValues, keys: readonly string[]) => keys.some((key) => changed.has(key));

/**
 * `<phx-point-cloud>`: a projection drawn with WebGL, 2-D (drag or arrows pan) or 3-D (drag or arrows orbit);
 * the wheel and + / − zoom, F fits the visible points, 0 resets. Hover shows a point's dataset, row, cluster and
 * raw data; click selects a point, Shift+drag lassoes points, Escape clears; a legend entry's click hides or
 * shows its points. `value` is the selected point indices (Int32Array, ascending); `input` fires when the user
 * changes it. New inputs update it in place: the camera, selection and hover stay (see `projection`).
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
    lassoPath: {state: true},
    hiddenEntries: {state: true}
  };
  static override styles = [themeStyles, preferredThemeStyles, pointCloudStyles];

  /**
   * The points: a Projection from px.project. A new projection of the same points keeps the camera, the
   * selection and the hover; of other points, the selection keeps the rows still projected and the camera
   * stays when the extent is similar.
   */
  declare projection: PointCloudData | undefined;
  /** "dataset", "cluster", "correctness", "predictionLabel", "actualLabel", {column}, or a number per point. Default: "dataset". */
  declare colorBy: ColorBy;
  /** Cluster labels per point, for colorBy "cluster" and the tooltip. */
  declare clusters: PointClusters | undefined;
  /** Point indices drawn larger and ringed (e.g. a cluster's points). */
  declare highlight: ArrayLike<number> | undefined;
  /** The hover text of a point (shown as text, never parsed as HTML). */
  declare rawData: ((pointIndex: number) => unknown) | undefined;
  /** The look: "light" or "dark". Default: unset, which follows the reader's prefers-color-scheme. */
  declare theme: Theme | undefined;
  /** CSS pixels. Default: 420. */
  declare height: number;
  /** Point diameter in CSS pixels. Default: unset, from the number of points (6 for 100, 2 from 1,000,000). */
  declare pointSize: number | undefined;
  declare protected hovered: {index: number; x: number; y: number} | null;
  declare protected lassoPath: readonly number[] | null;
  /** Indices of the legend entries whose points are hidden. */
  declare protected hiddenEntries: ReadonlySet<number>;

  #value: Int32Array = new Int32Array(0);
  #view: PointView | undefined;
  #coloring: PointColoring | undefined;
  #coloredWith: Theme | undefined;
  #hidden: Uint8Array | undefined;
  #flags: Uint8Array | undefined;
  #error: string | null = null;
  readonly #density = new DensityImage();
  /** Buffers changed since the last upload (a hover re-renders without touching them). */
  readonly #upload = {colors: false, flags: false};
  readonly #scheme = new ColorSchemeController(this);
  readonly #gl = new GlController(this, (points) => this.#draw(points));
  readonly #camera = new CameraController({
    view: () => this.#view,
    hidden: () => this.#hidden,
    canvasSize: () => this.#canvasSize(),
    moved: () => {
      this.hovered = null;
      this.#gl.requestDraw();
    }
  });
  readonly #gestures = new PointerGestures(this, {
    hover: (x, y) => this.#hover(x, y),
    leave: () => (this.hovered = null),
    drag: (dx, dy) =>
      this.#camera.move((camera, w, h) =>
        camera.kind === "2d" ? pan(camera, dx, dy, w, h) : orbit(camera, dx, dy)
      ),
    zoom: (factor, x, y) => this.#camera.move((camera, w, h) => zoomAt(camera, factor, x, y, w, h)),
    click: (x, y) => {
      const index = this.#pick(x, y);
      this.#select(index < 0 ? [] : [index]);
    },
    lasso: (polygon, done) => this.#lasso(polygon, done)
  });

  constructor() {
    super();
    this.colorBy = "dataset";
    this.height = 420;
    this.hovered = null;
    this.lassoPath = null;
    this.hiddenEntries = new Set();
    // Redraw when the page resizes the view (the canvas follows its box).
    new SizeController(this, {width: 0, height: 0});
    this.addEventListener("keydown", (event) => this.#key(event));
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

  /** What the legend shows: its title, each entry with its count and whether it is hidden, and a range for numbers. */
  get legend(): ShownLegend | null {
    return shownLegend(this.#coloring?.legend, this.hiddenEntries);
  }

  /** The points a legend click hid, ascending. */
  get hiddenPoints(): Int32Array {
    return hiddenPointIndices(this.#hidden);
  }

  /** The camera as it is now (2-D center and zoom, or 3-D target, angles and zoom). */
  get camera(): Camera | null {
    return this.#view?.camera ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Focusable, so that Escape and the camera keys reach it after a click.
    if (!this.hasAttribute("tabindex")) this.tabIndex = 0;
    if (!this.hasAttribute("role")) this.setAttribute("role", "group");
  }

  /** The headless runner's summary (see src/runtime/headless/summarize.ts). */
  toJSON(): ViewSummary {
    return viewSummary(this, this.#summary());
  }

  protected override willUpdate(changed: PropertyValues): void {
    const data = this.projection;
    if (changed.has("projection"))
      this.#takeProjection(changed.get("projection") as PointCloudData | undefined);
    this.setAttribute("aria-label", this.#summary());
    if (!data) return;
    const theme = this.#theme();
    try {
      const recolor = changedAny(changed, COLOR_INPUTS) || this.#coloredWith !== theme;
      if (recolor) this.#recolor(theme);
      if (recolor || changedAny(changed, FLAG_INPUTS)) {
        const {codes} = this.#coloring!;
        this.#hidden = Uint8Array.from(codes, (code) => (this.hiddenEntries.has(code) ? 1 : 0));
        this.#view!.hidden = this.#hidden;
        this.#flags = pointFlags(pointCount(data), this.highlight, this.#value, this.#hidden);
        this.#upload.flags = true;
      }
      this.#error = null;
    } catch (error) {
      // A coloring the data cannot give (set on the element after phx checked it) shows in place of the points.
      this.#error = error instanceof Error ? error.message : String(error);
    }
  }

  protected override render() {
    const data = this.projection;
    const canvas = this.#gl.unavailable
      ? html`<p class="fallback">
          ${this.#summary()}. WebGL is unavailable here, so the points are not drawn.
        </p>`
      : html`<canvas role="img" aria-label=${this.#summary()}></canvas>`;
    const state = pointCloudState(data, this.#error, this.#gl.lost);
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
        ${state ? html`<p class=${this.#error ? "state error" : "state"} role="status">${state}</p>` : nothing}
        <div class="tools">
          <button title="Zoom to fit the visible points (F)" @click=${() => this.#camera.fit(false)}>
            Fit
          </button>
          <button title="Reset the view (0)" @click=${() => this.#camera.fit(true)}>Reset</button>
        </div>
        ${this.#tooltip()}
      </div>
      <div class="status">
        ${legend(this.#error ? undefined : this.#coloring?.legend, this.hiddenEntries, (k) => this.#toggle(k))}
        <span>${formatCount(this.#value.length)} selected</span>
        <span class="hint"
          >${data?.nComponents === 3 ? "drag or arrows: orbit" : "drag or arrows: pan"} · wheel or +/−: zoom ·
          click or Shift+drag: select · Esc: clear</span
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
    if (this.#coloring && (fresh || this.#upload.colors)) points.setColors(this.#coloring.colors);
    if (this.#flags && (fresh || this.#upload.flags)) points.setFlags(this.#flags);
    this.#upload.colors = this.#upload.flags = false;
    this.#gl.requestDraw();
  }

  // A new projection: of the same points, everything the reader did stays; of others, the selection and the
  // hover follow their rows, and the camera stays if the extent is about the same.
  #takeProjection(old: PointCloudData | undefined): void {
    const data = this.projection;
    const view = this.#view;
    if (!data) {
      this.#view = undefined;
      return;
    }
    const same = !!old && samePoints(old, data);
    this.#view = new PointView(data, view && old ? keptCamera(view.camera, old, data) : undefined);
    if (old && !same) {
      this.#value = remapPoints(this.#value, old, data);
      const hovered = this.hovered ? remapPoints(Int32Array.of(this.hovered.index), old, data)[0] : undefined;
      this.hovered = this.hovered && hovered !== undefined ? {...this.hovered, index: hovered} : null;
    }
    this.#value = normalizeSelection(this.#value, pointCount(data));
  }

  #theme(): Theme {
    return this.theme ?? this.#scheme.preferred;
  }

  #recolor(theme: Theme): void {
    const before = this.#coloring?.legend;
    this.#coloring = pointColoring(
      this.projection!,
      this.colorBy,
      this.clusters,
      palettes[theme] ?? palettes.light
    );
    this.#coloredWith = theme;
    this.#upload.colors = true;
    this.hiddenEntries = keptHiddenEntries(before, this.#coloring.legend, this.hiddenEntries);
  }

  #toggle(entry: number): void {
    const hidden = new Set(this.hiddenEntries);
    if (!hidden.delete(entry)) hidden.add(entry);
    this.hiddenEntries = hidden;
    this.hovered = null;
  }

  #tooltip() {
    const {hovered, projection} = this;
    if (!hovered || !projection || hovered.index >= pointCount(projection)) return nothing;
    const width = this.renderRoot.querySelector(".surface")?.clientWidth ?? 0;
    return tooltip(hoverText(projection, hovered.index, this.clusters, this.rawData), hovered, width);
  }

  #summary(): string {
    return pointCloudSummary(this.projection, this.#value.length);
  }

  #canvasSize(): [number, number] {
    const canvas = this.renderRoot.querySelector("canvas");
    return [canvas?.clientWidth ?? 0, canvas?.clientHeight ?? 0];
  }

  #pointSize(): number {
    return this.pointSize ?? autoPointSize(pointCount(this.projection));
  }

  #draw(points: GlPoints): void {
    const [width, height] = this.#canvasSize();
    const view = this.#view;
    if (!view || !width || !height) return;
    drawFrame(points, this.#density, {
      view,
      width,
      height,
      ratio: globalThis.devicePixelRatio || 1,
      pointSize: this.#pointSize(),
      palette: palettes[this.#theme()] ?? palettes.light,
      colors: this.#coloring?.colors,
      flags: this.#flags,
      hasSelection: this.#value.length > 0
    });
  }

  #pick(x: number, y: number): number {
    const [width, height] = this.#canvasSize();
    if (!this.#view || !width || !height) return -1;
    return this.#view.nearest(x, y, Math.max(PICK_RADIUS, this.#pointSize()), width, height);
  }

  #hover(x: number, y: number): void {
    const index = this.#pick(x, y);
    this.hovered = index < 0 ? null : {index, x, y};
  }

  #key(event: KeyboardEvent): void {
    // Keys typed into the legend's buttons are theirs (Enter, Space); the view takes the rest.
    if (event.key === "Escape") {
      this.lassoPath = null;
      this.#select([]);
    } else if (this.#camera.key(event.key)) event.preventDefault();
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
