import {Window} from "happy-dom";

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
