import type {ReactiveController, ReactiveControllerHost} from "lit";

/** What the pointer does on the surface, in CSS pixels from its top-left corner. */
export interface GestureHandlers {
  /** The pointer rests over (x, y); called at most once a frame. */
  hover(x: number, y: number): void;
  leave(): void;
  /** A plain drag moved by (dx, dy) since the last call: pan in 2-D, orbit in 3-D. */
  drag(dx: number, dy: number): void;
  /** The wheel zooms by `factor` (> 1 closer) at (x, y). */
  zoom(factor: number, x: number, y: number): void;
  /** A press and release that did not move. */
  click(x: number, y: number): void;
  /** Shift+drag: the lasso so far as [x0, y0, x1, y1, …]; `done` on release. */
  lasso(polygon: readonly number[], done: boolean): void;
}

/** Moves shorter than this are clicks. */
const CLICK_SLOP = 3;
/** Lasso vertices closer than this to the last one are skipped. */
const LASSO_STEP = 2;

/**
 * Turns pointer and wheel events on a surface (the canvas) into gestures: hover (throttled to a frame),
 * click, drag, shift+drag lasso, wheel zoom. Listeners come off when the host disconnects.
 */
export class PointerGestures implements ReactiveController {
  readonly #handlers: GestureHandlers;
  #surface: HTMLElement | undefined;
  #press: {
    id: number;
    x: number;
    y: number;
    lastX: number;
    lastY: number;
    moved: boolean;
    lasso: number[] | null;
  } | null = null;
  #hoverAt: [number, number] | null = null;
  #frame = 0;

  constructor(host: ReactiveControllerHost, handlers: GestureHandlers) {
    this.#handlers = handlers;
    host.addController(this);
  }

  /** Listens on `surface` (again after a reconnect); a no-op when it is the current one. */
  attach(surface: HTMLElement): void {
    if (surface === this.#surface) return;
    this.hostDisconnected();
    this.#surface = surface;
    surface.addEventListener("pointerdown", this.#down);
    surface.addEventListener("pointermove", this.#move);
    surface.addEventListener("pointerup", this.#up);
    surface.addEventListener("pointercancel", this.#cancel);
    surface.addEventListener("pointerleave", this.#leave);
    // Not passive: the wheel zooms the view instead of scrolling the page.
    surface.addEventListener("wheel", this.#wheel, {passive: false});
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    const surface = this.#surface;
    if (!surface) return;
    surface.removeEventListener("pointerdown", this.#down);
    surface.removeEventListener("pointermove", this.#move);
    surface.removeEventListener("pointerup", this.#up);
    surface.removeEventListener("pointercancel", this.#cancel);
    surface.removeEventListener("pointerleave", this.#leave);
    surface.removeEventListener("wheel", this.#wheel);
    if (this.#frame) cancelAnimationFrame(this.#frame);
    [this.#surface, this.#press, this.#frame] = [undefined, null, 0];
  }

  #at(event: MouseEvent): [number, number] {
    const box = this.#surface!.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  }

  readonly #down = (event: PointerEvent) => {
    if (event.button !== 0 || this.#press) return;
    const [x, y] = this.#at(event);
    this.#press = {
      id: event.pointerId,
      x,
      y,
      lastX: x,
      lastY: y,
      moved: false,
      lasso: event.shiftKey ? [x, y] : null
    };
    this.#surface!.setPointerCapture?.(event.pointerId);
    event.preventDefault();
  };

  readonly #move = (event: PointerEvent) => {
    const [x, y] = this.#at(event);
    const press = this.#press;
    if (!press || press.id !== event.pointerId) return this.#hover(x, y);
    if (!press.moved && Math.hypot(x - press.x, y - press.y) < CLICK_SLOP) return;
    press.moved = true;
    if (press.lasso) {
      const n = press.lasso.length;
      if (Math.hypot(x - press.lasso[n - 2]!, y - press.lasso[n - 1]!) < LASSO_STEP) return;
      press.lasso.push(x, y);
      this.#handlers.lasso(press.lasso, false);
    } else {
      this.#handlers.drag(x - press.lastX, y - press.lastY);
    }
    [press.lastX, press.lastY] = [x, y];
  };

  readonly #up = (event: PointerEvent) => {
    const press = this.#press;
    if (!press || press.id !== event.pointerId) return;
    this.#press = null;
    const [x, y] = this.#at(event);
    if (!press.moved) this.#handlers.click(press.x, press.y);
    else if (press.lasso) {
      press.lasso.push(x, y);
      this.#handlers.lasso(press.lasso, true);
    }
  };

  readonly #cancel = () => {
    if (this.#press?.lasso) this.#handlers.lasso([], true);
    this.#press = null;
  };

  readonly #leave = () => {
    this.#hoverAt = null;
    this.#handlers.leave();
  };

  readonly #wheel = (event: WheelEvent) => {
    event.preventDefault();
    // Lines and pages scroll in bigger steps than pixels.
    const pixels = event.deltaY * (event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1);
    const [x, y] = this.#at(event);
    this.#handlers.zoom(Math.exp(-pixels * 0.002), x, y);
  };

  #hover(x: number, y: number): void {
    this.#hoverAt = [x, y];
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      if (this.#hoverAt) this.#handlers.hover(...this.#hoverAt);
    });
  }
}
