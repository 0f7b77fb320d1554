import type {CompiledCell} from "../compile/types.ts";
import {describeUncaught, type UncaughtKind} from "../uncaught.ts";

/** What an uncaught error is told with. */
export interface NoticeSource {
  /** The notebook's cells, to name the one whose code threw. */
  readonly cells: readonly CompiledCell[];
  /** The page's password values, taken out of the text. */
  readonly secrets: readonly string[];
}

/** Distinct errors listed; the rest are counted. A timer throwing every second must not grow the page. */
const MAX_SHOWN = 5;

// Chromium reports a ResizeObserver whose callback resized what it observes as an error event; nothing threw.
const BENIGN = /^ResizeObserver loop /;

/**
 * The page's side of `run`'s uncaught errors: an error no cell's computation caught (a timer's callback that
 * throws, a promise nobody awaited) would show only in the console, the cells all looking fine. It is listed
 * above the notebook, as `run` says it (the cell whose code threw, when its stack says so), text only: its
 * message may quote data.
 */
export class UncaughtNotice {
  readonly element: HTMLElement;
  readonly #list: HTMLElement;
  readonly #more: HTMLElement;
  readonly #notebook: () => NoticeSource;
  /** Each distinct text shown, with its line and how many times it came. */
  readonly #shown = new Map<string, {item: HTMLElement; count: number}>();
  #hidden = 0;

  /** `notebook`: the cells and secrets as they are when an error comes (see NoticeSource). */
  constructor(notebook: () => NoticeSource) {
    this.#notebook = notebook;
    this.element = document.createElement("div");
    this.element.className = "phx-uncaught";
    this.element.setAttribute("role", "alert");
    this.element.hidden = true;
    this.#list = this.element.appendChild(document.createElement("ul"));
    this.#more = this.element.appendChild(document.createElement("p"));
    this.#more.hidden = true;
  }

  /** Listens to `target`'s uncaught errors and unhandled rejections until `signal` aborts. */
  listen(target: Window, signal?: AbortSignal): void {
    target.addEventListener(
      "error",
      (event) => {
        if (!event.error && BENIGN.test(event.message)) return;
        this.add("error", event.error ?? event.message);
      },
      {signal}
    );
    target.addEventListener("unhandledrejection", (event) => this.add("rejection", event.reason), {signal});
  }

  /** Shows one uncaught error (the same text again counts it). */
  add(kind: UncaughtKind, error: unknown): void {
    const {cells, secrets} = this.#notebook();
    const text = describeUncaught(kind, error, cells, secrets);
    const shown = this.#shown.get(text);
    this.element.hidden = false;
    if (shown) {
      shown.count += 1;
      shown.item.textContent = `${text} (${shown.count} times)`;
    } else if (this.#shown.size < MAX_SHOWN) {
      const item = this.#list.appendChild(document.createElement("li"));
      item.textContent = text;
      this.#shown.set(text, {item, count: 1});
    } else {
      this.#hidden += 1;
      this.#more.hidden = false;
      this.#more.textContent = `and ${this.#hidden} more (see the console)`;
    }
  }
}
