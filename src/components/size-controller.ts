import type {ReactiveController, ReactiveControllerHost} from "lit";

/**
 * Follows the host's content width (and height) and asks it to update when they change. Headless (no
 * layout, or a DOM without ResizeObserver) the size stays at the fallback.
 */
export class SizeController implements ReactiveController {
  width: number;
  height: number;
  #observer: ResizeObserver | undefined;
  readonly #host: ReactiveControllerHost & Element;

  constructor(host: ReactiveControllerHost & Element, fallback: {width: number; height: number}) {
    this.#host = host;
    this.width = fallback.width;
    this.height = fallback.height;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver !== "function") return;
    this.#observer = new ResizeObserver(([entry]) => {
      const box = entry?.contentRect;
      // A zero box means no layout (display: none, or happy-dom): keep the last real size.
      if (!box || box.width <= 0) return;
      const [width, height] = [Math.round(box.width), Math.round(box.height)];
      if (width === this.width && height === this.height) return;
      [this.width, this.height] = [width, height];
      this.#host.requestUpdate();
    });
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }
}
