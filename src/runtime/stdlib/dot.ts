import {instance} from "@viz-js/viz";
import {rawTemplate} from "./raw-template.ts";
import {removeScriptUrls} from "./script-urls.ts";

/** The `dot` builtin: a tagged template that renders Graphviz DOT to an SVG element. */
export type Dot = (strings: TemplateStringsArray | readonly string[], ...values: unknown[]) => SVGSVGElement;

// Graphviz's default colour is black, which would stay black on a dark theme. Drawing defaults in a colour no
// one writes (black at opacity 1/255) lets them be told apart from an explicit `color=black` afterwards, and
// turned into currentColor: the graph follows the page's text colour, while colours the graph sets stay.
const SENTINEL = "#00000101";
const theme = {color: SENTINEL, fontcolor: SENTINEL, fontname: "sans-serif", fontsize: "12"};

/**
 * Notebook Kit's `dot`, on @viz-js/viz (Graphviz compiled to WebAssembly, embedded in its module: nothing is
 * fetched). The source is the template's raw text with interpolated values as their strings. A DOT error
 * throws Graphviz's message, so it becomes the cell's error. `javascript:` URLs (a node's `URL` or `href`)
 * are dropped, as md drops them.
 */
export async function createDot(): Promise<Dot> {
  const viz = await instance();
  return (strings, ...values) => {
    const svg = viz.renderSVGElement(rawTemplate(strings, values), {
      graphAttributes: {bgcolor: "none", ...theme},
      nodeAttributes: theme,
      edgeAttributes: theme
    });
    for (const attribute of ["fill", "stroke"]) {
      for (const element of svg.querySelectorAll(
        `[${attribute}="#000001"][${attribute}-opacity="0.003922"]`
      )) {
        element.setAttribute(attribute, "currentColor");
        element.removeAttribute(`${attribute}-opacity`);
      }
    }
    removeScriptUrls(svg);
    svg.remove(); // from the document it was parsed into: with a parent, the Inspector would describe it
    svg.style.maxWidth = "100%";
    svg.style.height = "auto";
    return svg;
  };
}
