import {formatCount} from "../view.ts";
import type {ScreenDirection} from "./picking.ts";
import type {PointView} from "./point-view.ts";

/** Shift+arrows move the point cursor; the arrows alone stay the camera's (keys.ts). */
const DIRECTIONS: Readonly<Record<string, ScreenDirection>> = {
  ArrowLeft: "left",
  ArrowRight: "right",
  ArrowUp: "up",
  ArrowDown: "down"
};

const FURTHER: Readonly<Record<ScreenDirection, string>> = {
  left: "further left",
  right: "further right",
  up: "further up",
  down: "further down"
};

/** What the point cursor reads from, and tells, the point cloud. */
export interface CursorHost {
  /** The camera and points now drawn (none before a projection). */
  view(): PointView | undefined;
  /** The canvas in CSS pixels ([0, 0] before it is laid out). */
  canvasSize(): [number, number];
  /** The selected point indices, ascending. */
  value(): Int32Array;
  /** Selects as the user did (the host fires `input` when the selection changed). */
  select(indices: ArrayLike<number>): void;
  /** Shows point i's tooltip, as a hover at (x, y) does. */
  show(i: number, x: number, y: number): void;
  /** Point i's tooltip in a line. */
  describe(i: number): string;
  /** Point i's name: its dataset and row (the tooltip's title). */
  name(i: number): string;
  /** Says `text` to a screen reader (the host's live region). */
  announce(text: string): void;
}

/**
 * The keyboard's way to the points, which a mouse reaches by pointing: a cursor on one point at a time.
 * Shift+arrow moves it (first to the point drawn nearest the canvas's centre, then to the nearest point drawn
 * in the arrow's direction), showing the point's tooltip and announcing its text; Enter does what a click on
 * the point does (selects it alone), Space adds it to the selection or takes it out. Hidden points are never
 * its stop (the host clears it when its point is hidden).
 */
export class PointCursor {
  readonly #host: CursorHost;
  #index = -1;

  constructor(host: CursorHost) {
    this.#host = host;
  }

  /** The point under the cursor, or −1. */
  get index(): number {
    return this.#index;
  }

  /** Puts the cursor on point i (−1: none) without a word: a new projection carries it over, Escape drops it. */
  set index(i: number) {
    this.#index = i;
  }

  /**
   * Applies a cursor key: Shift+arrow, or Enter and Space typed on the view itself (`own`; on its buttons they
   * are the buttons'). False for any other key, and for Enter and Space with no cursor (their default stays).
   */
  key(event: KeyboardEvent, own: boolean): boolean {
    if (event.ctrlKey || event.altKey || event.metaKey) return false;
    const direction = DIRECTIONS[event.key];
    if (direction) return event.shiftKey && this.#move(direction);
    if (!own || event.shiftKey || this.#index < 0) return false;
    if (event.key === "Enter") return this.#pick();
    if (event.key === " ") return this.#toggle();
    return false;
  }

  // From a point off the canvas (the camera moved on) the cursor starts over at the centre.
  #move(direction: ScreenDirection): boolean {
    const view = this.#host.view();
    const [width, height] = this.#host.canvasSize();
    if (!view || !width || !height) return false;
    const from = this.#index >= 0 && view.drawnAt(this.#index, width, height);
    const next = from
      ? view.step(this.#index, direction, width, height)
      : view.nearestToCenter(width, height);
    const at = next < 0 ? null : view.drawnAt(next, width, height);
    if (!at) {
      this.#host.announce(from ? `No point ${FURTHER[direction]}.` : "No point in view.");
      return true;
    }
    this.#index = next;
    this.#host.show(next, ...at);
    this.#host.announce(
      `${this.#host.describe(next)}${this.#host.value().includes(next) ? ", selected" : ""}`
    );
    return true;
  }

  #pick(): boolean {
    const i = this.#index;
    this.#host.select([i]);
    this.#host.announce(`Selected ${this.#host.name(i)}.`);
    return true;
  }

  #toggle(): boolean {
    const i = this.#index;
    const value = this.#host.value();
    const selected = value.includes(i);
    this.#host.select(selected ? value.filter((j) => j !== i) : [...value, i]);
    const count = `${formatCount(this.#host.value().length)} selected`;
    const name = this.#host.name(i);
    this.#host.announce(selected ? `Removed ${name}: ${count}.` : `Added ${name}: ${count}.`);
    return true;
  }
}
