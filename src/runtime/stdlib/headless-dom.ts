import {PropertySymbol, Window} from "happy-dom";

/** Options of installHeadlessDom; used only by the first call. */
export interface HeadlessDomOptions {
  /** The document's URL, against which relative links resolve. Default: "http://localhost/". */
  url?: string;
  /** The window's inner width in pixels. Default: 1024. */
  width?: number;
  /** The window's inner height in pixels. Default: 768. */
  height?: number;
}

// Node has its own DOM-like Event classes, but happy-dom dispatches only its own, and Inputs, htl and
// Plot construct events from the globals; so these are replaced, and every other Node global is kept.
const REPLACED = new Set(["Event", "EventTarget", "CustomEvent"]);

let installed: Window | undefined;

/**
 * Makes Inputs, htl, md, Plot and the Inspector work in Node: installs a happy-dom window's globals
 * (window, document, Node, HTMLElement, getComputedStyle, requestAnimationFrame …) on globalThis.
 * Node's own globals (fetch, URL, Blob, performance, setTimeout, …) are left as they are. Idempotent:
 * later calls return the window installed by the first.
 */
export function installHeadlessDom(options: HeadlessDomOptions = {}): Window {
  if (installed) return installed;
  const {url = "http://localhost/", width = 1024, height = 768} = options;
  const window = new Window({url, width, height});
  defaultRangesToMidpoint(window);
  keepLastSelectedOption(window);
  selectValueAsText(window);
  const global = globalThis as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(window)) {
    if (key in global && !REPLACED.has(key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(window, key);
    if (descriptor) Object.defineProperty(global, key, {...descriptor, configurable: true});
  }
  global.window = window;
  // happy-dom's document has no compatMode. A page of ours has a doctype, so it is in standards mode, which
  // KaTeX checks for (in quirks mode it refuses to render): say so.
  if (!("compatMode" in window.document))
    Object.defineProperty(window.document, "compatMode", {value: "CSS1Compat", configurable: true});
  return (installed = window);
}

// A range input without a value is worth the midpoint of min and max in browsers (the HTML standard's default
// value, on the step grid), and Inputs.range takes that as its default; happy-dom gives "" (NaN as a number),
// which left `view(Inputs.range([0, 100]))` without a value, and the cells reading it waiting, headless.
function defaultRangesToMidpoint(window: Window): void {
  const prototype = window.HTMLInputElement.prototype;
  const value = Object.getOwnPropertyDescriptor(prototype, "value");
  if (!value?.get || !value.set) return;
  const {get, set} = value;
  Object.defineProperty(prototype, "value", {
    ...value,
    get(this: HTMLInputElement): string {
      const current = get.call(this) as string;
      if (current !== "" || this.type !== "range") return current;
      const min = Number.isFinite(parseFloat(this.min)) ? parseFloat(this.min) : 0;
      const max = Math.max(min, Number.isFinite(parseFloat(this.max)) ? parseFloat(this.max) : 100);
      const step = parseFloat(this.step);
      const middle = min + (max - min) / 2;
      return String(step > 0 ? min + Math.round((middle - min) / step) * step : middle);
    },
    set
  });
}

type Selectedness = (this: HTMLSelectElement, selected?: HTMLOptionElement) => void;

// When two options of a single select are selected (the first, selected when it was inserted, and one marked
// `selected`), the HTML standard keeps the last; happy-dom 21 keeps the one at index (count − 1), the second
// option. Inputs.select marks its default option `selected`, so `Inputs.select(digits, {value: "3"})` read
// "1" headless while the browser showed "3". Pass happy-dom the option the standard keeps.
function keepLastSelectedOption(window: Window): void {
  const prototype = window.HTMLSelectElement.prototype as unknown as Record<symbol, Selectedness | undefined>;
  const update = prototype[PropertySymbol.updateSelectedness];
  if (!update) return;
  prototype[PropertySymbol.updateSelectedness] = function (this: HTMLSelectElement, selected) {
    if (!selected && !this.multiple) {
      const options = Array.from(this.querySelectorAll("option"));
      const marked = options.filter(
        (option) => (option as unknown as Record<symbol, unknown>)[PropertySymbol.selectedness]
      );
      if (marked.length >= 2) selected = marked[marked.length - 1];
    }
    update.call(this, selected);
  };
}

// A select's value is a DOMString: the browser converts what it is given (Inputs.select's value setter assigns
// the option's index, a number) and selects the option with that text; happy-dom 21 compares with ===, so no
// option matched and `viewof digit.value = "8"` read null headless.
function selectValueAsText(window: Window): void {
  const prototype = window.HTMLSelectElement.prototype;
  const value = Object.getOwnPropertyDescriptor(prototype, "value");
  if (!value?.set) return;
  const {set} = value;
  Object.defineProperty(prototype, "value", {
    ...value,
    set(this: HTMLSelectElement, text: unknown) {
      set.call(this, String(text));
    }
  });
}
