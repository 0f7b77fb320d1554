// `DOM`: Observable's standard-library helpers for making elements, as classic notebooks use them.

let nextUid = 0;

/** A document-unique id for an SVG element's clip path, gradient or marker: `${uid}` is `url(#…)`. */
export interface Uid {
  readonly id: string;
  readonly href: string;
  toString(): string;
}

/** `DOM.uid(name)`: a fresh id, whose string form is the `url(…)` reference to it. */
export function uid(name?: string): Uid {
  const id = `O-${name === undefined ? "" : `${name}-`}${++nextUid}`;
  const href = new URL(`#${id}`, location.href).href;
  return {id, href, toString: () => `url(${href})`};
}

/** `DOM.canvas(width, height)`: a canvas of that size in CSS pixels. */
export function canvas(width: number, height: number): HTMLCanvasElement {
  const element = document.createElement("canvas");
  element.width = width;
  element.height = height;
  return element;
}

/**
 * `DOM.context2d(width, height, dpi)`: the 2-D context of a canvas `width` × `height` CSS pixels drawn at `dpi`
 * (default: the screen's device pixel ratio), scaled so that drawing uses CSS pixels.
 */
export function context2d(width: number, height: number, dpi = globalThis.devicePixelRatio ?? 1) {
  const element = canvas(width * dpi, height * dpi);
  element.style.width = `${width}px`;
  const context = element.getContext("2d");
  context?.scale(dpi, dpi);
  return context;
}

/** `DOM.svg(width, height)`: an SVG element with that size and a matching viewBox. */
export function svg(width: number, height: number): SVGSVGElement {
  const element = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  element.setAttribute("viewBox", `0 0 ${width} ${height}`);
  element.setAttribute("width", String(width));
  element.setAttribute("height", String(height));
  return element;
}

/** `DOM.text(value)`: a text node (never parsed as HTML). */
export function text(value: unknown): Text {
  return document.createTextNode(String(value));
}

/** `DOM.element(name, attributes)`: an element (SVG's namespace for `svg:name`) with those attributes. */
export function element(name: string, attributes: Record<string, unknown> = {}): Element {
  const [prefix, local] = name.includes(":") ? name.split(":", 2) : [undefined, name];
  const node =
    prefix === "svg"
      ? document.createElementNS("http://www.w3.org/2000/svg", local!)
      : document.createElement(local!);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

/** `DOM.input(type)`: an <input> of that type. */
export function input(type?: string): HTMLInputElement {
  const node = document.createElement("input");
  if (type !== undefined) node.type = type;
  return node;
}

/** `DOM.range(min, max, step)`: an <input type=range>. */
export function range(min = 0, max = 1, step = "any"): HTMLInputElement {
  const node = input("range");
  node.min = String(min);
  node.max = String(max);
  node.step = String(step);
  return node;
}

/** `DOM.select(values)`: a <select> with one <option> per value. */
export function select(values: readonly unknown[]): HTMLSelectElement {
  const node = document.createElement("select");
  for (const value of values) {
    const option = node.appendChild(document.createElement("option"));
    option.value = option.textContent = String(value);
  }
  return node;
}

/**
 * `DOM.download(object, name, label)`: a button that saves `object` (a Blob, or what `object()` resolves to)
 * as the file `name`, through an object URL revoked once used.
 */
export function download(
  object: Blob | (() => Blob | Promise<Blob>),
  name = "untitled",
  label = "Save"
): HTMLAnchorElement {
  const link = document.createElement("a");
  link.download = name;
  link.textContent = label;
  link.href = "#";
  link.addEventListener("click", async (event) => {
    event.preventDefault();
    const blob = typeof object === "function" ? await object() : object;
    const href = URL.createObjectURL(blob);
    const save = document.createElement("a");
    save.href = href;
    save.download = name;
    save.click();
    setTimeout(() => URL.revokeObjectURL(href), 1000);
  });
  return link;
}
