import type {Page} from "playwright-core";

/** A text whose contrast against its background was measured. */
export interface TextContrast {
  /** The text (its first 40 characters). */
  readonly text: string;
  /** Its element: tag and classes, after its shadow host's tag when it is in one. */
  readonly where: string;
  /** The text's color and the background under it, as "r,g,b" (as drawn: alpha and opacities composited). */
  readonly color: string;
  readonly background: string;
  /** The WCAG 2 contrast ratio, (L1 + 0.05) / (L2 + 0.05), rounded to 2 decimals. */
  readonly ratio: number;
  /** What WCAG AA asks of it: 3 for large text (24 px, or 18.66 px bold), else 4.5. */
  readonly required: number;
}

// Runs in the page as source text: a function given to page.evaluate would be compiled by tsx with helper
// calls (__name) the page does not have. It walks every visible text node, into open shadow roots, and paints
// the pixel of its text and the pixel beside it as the browser does, down its ancestors (through shadow
// hosts) from a white page: each one's background over what is below, then for one with opacity < 1 its
// whole inside (backgrounds and text) mixed with what was below it. So text under opacity is measured as
// drawn: black at opacity 0.5 on white is grey, 3.98:1, where its computed color alone would say 21.
const MEASURE = `(() => {
  const parse = (value) => {
    let m = value.match(/^rgba?\\(([\\d.]+),\\s*([\\d.]+),\\s*([\\d.]+)(?:,\\s*([\\d.]+))?\\)$/);
    if (m) return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
    m = value.match(/^color\\(srgb ([\\d.e-]+) ([\\d.e-]+) ([\\d.e-]+)(?: \\/ ([\\d.]+))?\\)$/);
    if (m) return [m[1] * 255, m[2] * 255, m[3] * 255, m[4] === undefined ? 1 : +m[4]];
    throw new Error("unparsed color " + value);
  };
  const over = (top, below) => {
    const a = top[3];
    return [0, 1, 2].map((k) => top[k] * a + below[k] * (1 - a)).concat(1);
  };
  const mix = (below, inside, opacity) =>
    [0, 1, 2].map((k) => below[k] * (1 - opacity) + inside[k] * opacity).concat(1);
  const up = (element) => element.parentElement ?? element.parentNode?.host ?? null;
  // The element and its ancestors, outermost first: each one's background and opacity.
  const layersOf = (element) => {
    const layers = [];
    for (let at = element; at; at = up(at)) {
      const style = getComputedStyle(at);
      layers.unshift({background: parse(style.backgroundColor), opacity: +style.opacity});
    }
    return layers;
  };
  // The color of a pixel painted by layers[k] and those inside it over "below", with "text" (a color) on top
  // or none. An opacity group painted over its backdrop then mixed with it is what compositing its layer gives.
  const paint = (layers, k, below, text) => {
    if (k === layers.length) return text ? over(text, below) : below;
    const {background, opacity} = layers[k];
    const inside = paint(layers, k + 1, over(background, below), text);
    return opacity < 1 ? mix(below, inside, opacity) : inside;
  };
  const luminance = (rgb) => {
    const [r, g, b] = rgb.slice(0, 3).map((c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const visible = (element) => {
    if (getComputedStyle(element).visibility !== "visible") return false;
    for (let at = element; at; at = up(at)) if (+getComputedStyle(at).opacity === 0) return false;
    return element.getClientRects().length > 0;
  };
  const describe = (element) => {
    const host = element.getRootNode().host;
    const self = element.localName + (element.classList.length ? "." + [...element.classList].join(".") : "");
    return host ? host.localName + " " + self : self;
  };
  const results = [];
  const walk = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.shadowRoot) walk(node.shadowRoot);
        continue;
      }
      const text = node.textContent.trim();
      const element = node.parentElement;
      if (!text || !element || ["SCRIPT", "STYLE", "TEMPLATE"].includes(element.tagName)) continue;
      if (!visible(element)) continue;
      const style = getComputedStyle(element);
      const layers = layersOf(element);
      const page = [255, 255, 255, 1];
      const background = paint(layers, 0, page, null);
      const color = paint(layers, 0, page, parse(style.color));
      const [l1, l2] = [luminance(color), luminance(background)].sort((a, b) => b - a);
      const size = parseFloat(style.fontSize);
      const bold = +style.fontWeight >= 700;
      const rgb = (c) => c.slice(0, 3).map(Math.round).join(",");
      results.push({
        text: text.slice(0, 40),
        where: describe(element),
        color: rgb(color),
        background: rgb(background),
        ratio: Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100,
        required: size >= 24 || (bold && size >= 18.66) ? 3 : 4.5
      });
    }
  };
  walk(document.body);
  return results;
})()`;

/** Every visible text of the page (into shadow roots) with its contrast ratio and what WCAG AA asks. */
export function textContrasts(page: Page): Promise<TextContrast[]> {
  return page.evaluate(MEASURE) as Promise<TextContrast[]>;
}

/** The texts below what WCAG AA asks, as "ratio < required: where "text" (color on background)". */
export async function lowContrast(page: Page): Promise<string[]> {
  return (await textContrasts(page))
    .filter((t) => t.ratio < t.required)
    .map((t) => `${t.ratio} < ${t.required}: ${t.where} "${t.text}" (${t.color} on ${t.background})`);
}
