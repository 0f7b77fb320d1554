import {LitElement, nothing, type PropertyValues} from "lit";
import {ColorSchemeController} from "../color-scheme.ts";
import {palettes, preferredThemeStyles, themeStyles, type Theme} from "../theme.ts";
import {emitInput, viewSummary, type ViewSummary} from "../view.ts";
import type {Camera} from "./camera.ts";
import {CameraController} from "./camera-controller.ts";
import {PointerGestures} from "./gestures.ts";
import {DensityImage} from "./density.ts";
import {drawFrame} from "./frame.ts";
import {GlController} from "./gl-controller.ts";
import type {GlPoints} from "./gl-points.ts";
import {hoverLine, hoverText} from "./hover-text.ts";
import {keptPoint, keptSelection, keptState} from "./keep-view.ts";
import {autoPointSize} from "./keys.ts";
import {hiddenPointIndices, legend, shownLegend, type ShownLegend} from "./legend.ts";
import {PointCursor} from "./point-cursor.ts";
import {PointStyle, type StyleInputs} from "./point-style.ts";
import {pointerHandlers, type Hovered} from "./pointer-handlers.ts";
import {PointView} from "./point-view.ts";
import {normalizeSelection, sameSelection, withoutHidden} from "./selection.ts";
import {pointCloudStyles} from "./styles.ts";
import {pointCloudState, pointCloudSummary} from "./summary.ts";
import {pointCloudTemplate} from "./template.ts";
import {placeTooltip, tooltip} from "./tooltip.ts";
import {pointCount, type ColorBy, type PointCloudData, type PointClusters} from "./types.ts";

export type {LegendEntryKind} from "./categories.ts";
export type {ShownLegend, ShownLegendEntry} from "./legend.ts";

/** The keys, for screen readers (the status bar's hint shows them). */
const KEYS_HELP =
  "Arrow keys pan (orbit in 3-D), plus and minus zoom, F fits, 0 resets. Shift+arrow keys go to a point: " +
  "first the one nearest the centre, then the nearest in that direction. Enter selects it, Space adds it " +
  "to the selection or removes it, Escape clears the selection.";

/**
 * `<phx-point-cloud>`: a projection drawn with WebGL, 2-D (drag or arrows pan) or 3-D (drag or arrows orbit);
 * the wheel and + / − zoom, F fits the visible points, 0 resets. Hover shows a point's dataset, row, cluster and
 * raw data; click selects a point, Shift+drag lassoes points, Escape clears; a legend entry's click hides or
 * shows its points. From the keyboard, Shift+arrows move a point cursor (first to the visible point nearest
 * the centre, then to the nearest visible one in the arrow's direction on screen), which shows the point's
 * tooltip and says its text in a live region; Enter does what a click on it does, Space adds it to the
 * selection or removes it (firing `input`), and Escape clears the selection and the cursor. `value` is the
 * selected point indices (Int32Array, ascending), never a hidden one; `input` fires when the user changes it.
 * New inputs update it in place: the camera, selection and hover stay (see `projection`).
 */
export class PhxPointCloud extends LitElement {
  static override properties = {
    projection: {attribute: false, noAccessor: true},
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
    hiddenEntries: {state: true},
    announcement: {state: true}
  };
  static override styles = [themeStyles, preferredThemeStyles, pointCloudStyles];

  #projection: PointCloudData | undefined;

  /**
   * The points: a Projection from px.project. A new projection of the same points keeps the camera, the
   * selection and the hover; of other points, the selection keeps the rows still projected (firing `input`
   * when that changes it) and the camera stays when the extent is similar.
   */
  get projection(): PointCloudData | undefined {
    return this.#projection;
  }

  set projection(data: PointCloudData | undefined) {
    const old = this.#projection;
    this.#projection = data;
    this.requestUpdate("projection", old);
    if (data) this.#followRows(old, data);
  }

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
  declare protected hovered: Hovered | null;
  declare protected lassoPath: readonly number[] | null;
  /** Indices of the legend entries whose points are hidden. */
  declare protected hiddenEntries: ReadonlySet<number>;
  /** What the point cursor last said, for the live region. */
  declare protected announcement: string;

  #value: Int32Array = new Int32Array(0);
  #view: PointView | undefined;
  #error: string | null = null;
  /** Hiding points took some out of the selection at this update: `input` fires once it is drawn. */
  #hidingDeselected = false;
  readonly #style = new PointStyle();
  readonly #density = new DensityImage();
  readonly #scheme = new ColorSchemeController(this);
  readonly #gl = new GlController(this, (points) => this.#draw(points));
  readonly #camera = new CameraController({
    view: () => this.#view,
    hidden: () => this.#style.hidden,
    canvasSize: () => this.#canvasSize(),
    moved: () => {
      this.hovered = null;
      this.#gl.requestDraw();
    }
  });
  readonly #gestures = new PointerGestures(
    this,
    pointerHandlers({
      camera: this.#camera,
      view: () => this.#view,
      canvasSize: () => this.#canvasSize(),
      pointSize: () => this.#pointSize(),
      hover: (hovered) => (this.hovered = hovered),
      lassoPath: (path) => (this.lassoPath = path),
      select: (indices) => this.#select(indices)
    })
  );
  readonly #cursor = new PointCursor({
    view: () => this.#view,
    canvasSize: () => this.#canvasSize(),
    value: () => this.#value,
    select: (indices) => this.#select(indices),
    show: (index, x, y) => (this.hovered = {index, x, y, byKeyboard: true}),
    describe: (i) => hoverLine(this.#hoverText(i)),
    name: (i) => this.#hoverText(i).title,
    announce: (text) => (this.announcement = text)
  });

  constructor() {
    super();
    this.colorBy = "dataset";
    this.height = 420;
    this.hovered = null;
    this.lassoPath = null;
    this.hiddenEntries = new Set();
    this.announcement = "";
    this.addEventListener("keydown", (event) => this.#key(event));
  }

  /**
   * The selected point indices, ascending: only points the reader can see. Hiding points (a legend click, or a
   * new coloring that keeps a hidden label hidden) takes them out and fires `input`; showing them again does
   * not put them back. Setting it selects without firing `input`; hidden points set leave it at the next
   * update. Default: none.
   */
  get value(): Int32Array {
    return this.#value;
  }

  set value(indices: ArrayLike<number> | null | undefined) {
    const old = this.#value;
    // Before a projection arrives any index may be valid; the projection, when set, drops those past its end.
    this.#value = normalizeSelection(indices, this.projection ? pointCount(this.projection) : Infinity);
    this.requestUpdate("value", old);
  }

  /** What the legend shows: its title, each entry with its count and whether it is hidden, and a range for numbers. */
  get legend(): ShownLegend | null {
    return shownLegend(this.#style.coloring?.legend, this.hiddenEntries);
  }

  /** The points a legend click hid, ascending. */
  get hiddenPoints(): Int32Array {
    return hiddenPointIndices(this.#style.hidden);
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
    if (!this.hasAttribute("aria-description")) this.setAttribute("aria-description", KEYS_HELP);
  }

  /** The headless runner's summary (see src/runtime/headless/summarize.ts). */
  toJSON(): ViewSummary {
    return viewSummary(this, this.#summary());
  }

  protected override willUpdate(changed: PropertyValues): void {
    const data = this.projection;
    if (changed.has("projection"))
      this.#takeProjection(changed.get("projection") as PointCloudData | undefined);
    if (data) this.#restyle(data, changed);
    this.setAttribute("aria-label", this.#summary());
  }

  protected override render() {
    const key = this.#error ? undefined : this.#style.coloring?.legend;
    return pointCloudTemplate({
      height: this.height,
      summary: this.#summary(),
      unavailable: this.#gl.unavailable,
      state: pointCloudState(this.projection, this.#error, this.#gl.lost),
      error: !!this.#error,
      lassoPath: this.lassoPath,
      legend: legend(key, this.hiddenEntries, (k) => this.#toggle(k)),
      tooltip: this.#tooltip(),
      announcement: this.announcement,
      selected: this.#value.length,
      nComponents: this.projection?.nComponents,
      focus: () => this.focus({preventScroll: true}),
      fit: (reset) => this.#camera.fit(reset)
    });
  }

  protected override updated(changed: PropertyValues): void {
    const canvas = this.renderRoot.querySelector("canvas");
    const data = this.projection;
    const acquired = this.#gl.acquire(canvas);
    if (canvas) this.#gestures.attach(canvas);
    this.#placeTooltip();
    this.#placeCursor();
    if (this.#hidingDeselected) {
      this.#hidingDeselected = false;
      emitInput(this);
    }
    if (!acquired || !data) return;
    // Under an error the frame is the background alone (#draw); the buffers still follow the inputs.
    const {points, fresh} = acquired;
    if (fresh || changed.has("projection")) points.setPositions(data.coordinates, data.nComponents);
    this.#style.upload(points, fresh);
    this.#gl.requestDraw();
  }

  // At once, not in willUpdate: the indices name points of the old projection, and a cell reading the value
  // right after setting the projection (or an element never connected, as headless) must get the new ones.
  #followRows(old: PointCloudData | undefined, data: PointCloudData): void {
    const value = keptSelection(old, data, this.#value);
    if (sameSelection(value, this.#value)) return;
    this.value = value;
    // Readers of the value took indices into the old points; a value set before any points were is no news.
    if (old) emitInput(this);
  }

  // A new projection keeps what the reader did (see keptState; the selection followed in #followRows).
  #takeProjection(old: PointCloudData | undefined): void {
    const {projection: data, hovered} = this;
    if (!data) {
      this.#view = undefined;
      this.#cursor.index = -1;
      return;
    }
    const kept = keptState(old, data, {camera: this.#view?.camera, hovered: hovered?.index ?? -1});
    this.#view = new PointView(data, kept.camera);
    this.#cursor.index = keptPoint(old, data, this.#cursor.index);
    if (hovered && kept.hovered !== hovered.index)
      this.hovered = kept.hovered < 0 ? null : {...hovered, index: kept.hovered};
  }

  #restyle(data: PointCloudData, changed: PropertyValues): void {
    try {
      const {colorBy, clusters, highlight, hiddenEntries} = this;
      const theme = this.#theme();
      const inputs = {data, colorBy, clusters, highlight, value: this.#value, hiddenEntries, theme};
      this.hiddenEntries = this.#style.update(inputs, changed);
      this.#view!.hidden = this.#style.hidden;
      // The cursor never rests on a point the reader cannot see.
      if (this.#style.hidden?.[this.#cursor.index]) this.#cursor.index = -1;
      this.#deselectHidden({...inputs, hiddenEntries: this.hiddenEntries}, changed);
      this.#error = null;
    } catch (error) {
      // A coloring the data cannot give (set on the element after phx checked it) shows in place of the points.
      this.#error = error instanceof Error ? error.message : String(error);
    }
  }

  // The selection is what the reader sees, so that "the lassoed points" a notebook exports are the ones on
  // screen: hidden points leave it. Unless the caller set `value` itself, the notebook hears of it (`input`).
  #deselectHidden(inputs: StyleInputs, changed: PropertyValues): void {
    const shown = withoutHidden(this.#value, this.#style.hidden);
    if (shown === this.#value) return;
    this.#value = shown;
    this.#style.update({...inputs, value: shown}, new Map([["value", undefined]]));
    if (!changed.has("value")) this.#hidingDeselected = true;
  }

  #theme(): Theme {
    return this.theme ?? this.#scheme.preferred;
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
    return tooltip(this.#hoverText(hovered.index), hovered.byKeyboard);
  }

  #hoverText(i: number) {
    return hoverText(this.projection!, i, this.clusters, this.rawData);
  }

  // After each render and each frame: the ring follows its point as the camera moves, without a render.
  #placeCursor(): void {
    const ring = this.renderRoot.querySelector<HTMLElement>(".point-cursor");
    if (!ring) return;
    const [width, height] = this.#canvasSize();
    const at = this.#cursor.index < 0 ? null : this.#view?.drawnAt(this.#cursor.index, width, height);
    ring.hidden = !at;
    if (!at) return;
    const size = this.#pointSize() + 10;
    ring.style.width = ring.style.height = `${size}px`;
    ring.style.transform = `translate(${at[0] - size / 2}px, ${at[1] - size / 2}px)`;
  }

  // After each render, as its text (and so its size) may have changed with the hover or the inputs.
  #placeTooltip(): void {
    const element = this.renderRoot.querySelector<HTMLElement>(".tooltip");
    const surface = this.renderRoot.querySelector<HTMLElement>(".surface");
    if (element && surface && this.hovered) placeTooltip(element, this.hovered, surface);
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
      colors: this.#style.coloring?.colors,
      flags: this.#style.flags,
      hasSelection: this.#value.length > 0,
      blank: this.#error !== null
    });
    this.#placeCursor();
  }

  #key(event: KeyboardEvent): void {
    // Keys typed into the legend's buttons are theirs (Enter, Space); the view takes the rest.
    const own = event.composedPath()[0] === this;
    if (event.key === "Escape") {
      this.lassoPath = null;
      this.#clearCursor();
      if (this.#value.length) this.announcement = "Selection cleared.";
      this.#select([]);
    } else if (this.#cursor.key(event, own) || this.#camera.key(event.key)) event.preventDefault();
  }

  #clearCursor(): void {
    this.#cursor.index = -1;
    if (this.hovered?.byKeyboard) this.hovered = null;
    this.#placeCursor();
  }

  /** Selects as the user did: fires `input` when the selection changed. */
  #select(indices: ArrayLike<number>): void {
    const next = normalizeSelection(indices, pointCount(this.projection));
    if (sameSelection(next, this.#value)) return;
    this.value = next;
    emitInput(this);
  }
}
