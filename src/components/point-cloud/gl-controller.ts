import type {ReactiveController, ReactiveControllerHost} from "lit";
import {GlPoints} from "./gl-points.ts";

/**
 * Owns the host's WebGL renderer: creates it on first use, draws at most once a frame, frees its GPU
 * objects when the host leaves the page and starts over when it comes back. When the browser takes the
 * context away (`webglcontextlost`: too many contexts, a GPU reset) it drops the renderer, says so (`lost`),
 * and on `webglcontextrestored` asks the host to render, which re-acquires and re-uploads every buffer. Where
 * WebGL is unavailable it says so once (`unavailable`) and the host shows its text fallback. When the canvas
 * changes size (the page resizes the view) it draws again, without a render of the host: the markup does not
 * depend on the size, and a render as the page opens would delay the first frame for nothing.
 */
export class GlController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #draw: (points: GlPoints) => void;
  #points: GlPoints | null = null;
  #canvas: HTMLCanvasElement | null = null;
  #unavailable = false;
  #lost = false;
  #released = false;
  #frame = 0;
  #resizes: ResizeObserver | undefined;
  /** The canvas's box (CSS pixels) as last reported, "" before the first report. */
  #box = "";

  constructor(host: ReactiveControllerHost, draw: (points: GlPoints) => void) {
    this.#host = host;
    this.#draw = draw;
    host.addController(this);
  }

  get unavailable(): boolean {
    return this.#unavailable;
  }

  /** Whether the context is lost and not yet restored. */
  get lost(): boolean {
    return this.#lost;
  }

  /** The renderer of `canvas`, made on first use: `fresh` when its buffers are still empty. */
  acquire(canvas: HTMLCanvasElement | null | undefined): {points: GlPoints; fresh: boolean} | null {
    if (canvas && canvas !== this.#canvas) this.#watch(canvas);
    if (this.#points) return {points: this.#points, fresh: false};
    if (this.#unavailable || this.#lost || !canvas) return null;
    this.#points = GlPoints.create(canvas);
    if (this.#points) return {points: this.#points, fresh: true};
    this.#unavailable = true;
    this.#host.requestUpdate();
    return null;
  }

  /** Draws on the next animation frame; several requests in a frame draw once. */
  requestDraw(): void {
    if (this.#frame || !this.#points) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      if (this.#points) this.#draw(this.#points);
    });
  }

  hostConnected(): void {
    // Back on the page after a removal: render again so the host re-acquires and re-uploads its buffers.
    if (this.#released) this.#host.requestUpdate();
    this.#released = false;
  }

  hostDisconnected(): void {
    this.#cancelFrame();
    if (!this.#lost) this.#points?.dispose();
    this.#points = null;
    this.#released = true;
  }

  #watch(canvas: HTMLCanvasElement): void {
    this.#canvas = canvas;
    this.#resizes?.disconnect();
    if (typeof ResizeObserver === "function") {
      // The first report comes after the frame that drew at the size laid out then (the draw reads it): a
      // redraw only when a report differs from the one before.
      this.#resizes = new ResizeObserver(([entry]) => {
        const box = entry ? `${entry.contentRect.width}×${entry.contentRect.height}` : "";
        const first = this.#box === "";
        if (box === this.#box) return;
        this.#box = box;
        if (!first) this.requestDraw();
      });
      this.#resizes.observe(canvas);
    }
    canvas.addEventListener("webglcontextlost", (event) => {
      // Without preventDefault the browser never restores the context.
      event.preventDefault();
      this.#cancelFrame();
      this.#points = null; // its GPU objects went with the context
      this.#lost = true;
      this.#host.requestUpdate();
    });
    canvas.addEventListener("webglcontextrestored", () => {
      this.#lost = false;
      this.#host.requestUpdate();
    });
  }

  #cancelFrame(): void {
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }
}
