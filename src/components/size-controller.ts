import type {ReactiveController, ReactiveControllerHost} from "lit";

/**
 * Follows the host's content width (and height) and asks it to update when they change. Headless (no
 * layout, or a DOM without ResizeObserver) the size stays at the fallback.
 *
 * `measured` tells a view when the first size is in, so that it can draw once at its real width instead of
 * at the fallback and again a frame later (a Plot chart costs tens of milliseconds per draw as a page opens).
 */
export class SizeController implements ReactiveController {
  width: number;
  height: number;
  #observer: ResizeObserver | undefined;
  #measured = false;
  #settle: (() => void) | undefined;
  #whenMeasured: Promise<void> | undefined;
  readonly #host: ReactiveControllerHost & Element;

  constructor(host: ReactiveControllerHost & Element, fallback: {width: number; height: number}) {
    this.#host = host;
    this.width = fallback.width;
    this.height = fallback.height;
    host.addController(this);
  }

  /**
   * Whether the size is as good as it gets: the observer's first report is in (the real box, or a zero box
   * kept at the fallback), or there is nothing to wait for (no ResizeObserver, or the host is not on a page).
   */
  get measured(): boolean {
    return this.#measured || !this.#observer;
  }

  /** Resolves once `measured` holds. */
  whenMeasured(): Promise<void> {
    if (this.measured) return Promise.resolve();
    return (this.#whenMeasured ??= new Promise((resolve) => (this.#settle = resolve)));
  }

  hostConnected(): void {
    if (typeof ResizeObserver !== "function") return;
    this.#observer = new ResizeObserver(([entry]) => {
      this.#done();
      const box = entry?.contentRect;
      // A zero box means no layout (display: none, or happy-dom): keep the last real size.
      if (!box || box.width <= 0) return;
      const [width, height] = [Math.round(box.width), Math.round(box.height)];
      if (width === this.width && height === this.height) return;
      [this.width, this.height] = [width, height];
      this.#host.requestUpdate();
    });
    this.#observer.observe(this.#host);
    if (this.#measured) return;
    // A browser reports an observed element in the first rendering update after observe(), after that
    // update's animation frame callbacks; so by the second frame the report is in or will not come (a DOM
    // whose ResizeObserver never reports, as happy-dom's, or an element that is not rendered).
    if (typeof requestAnimationFrame === "function")
      requestAnimationFrame(() => requestAnimationFrame(() => this.#done()));
    else this.#done();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    // Off the page no report comes: whoever waits for the first size gets the fallback rather than a hang.
    this.#done();
  }

  #done(): void {
    if (this.#measured) return;
    this.#measured = true;
    // The host drew a placeholder while it waited (see `measured`): it draws now, at the fallback or the real box.
    this.#host.requestUpdate();
    this.#settle?.();
  }
}
