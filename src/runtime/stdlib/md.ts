import {Marked} from "marked";
import {removeScriptUrls} from "./script-urls.ts";

// Our own instance, so that no other code's marked.use() changes how notebooks render.
const marked = new Marked({gfm: true});

/**
 * The `md` builtin: renders a Markdown template literal to a DOM element. Interpolated values are
 * Markdown source, except DOM nodes (and arrays of them), which are inserted as they are, live. Links to
 * `javascript:` URLs lose their href (a built page's CSP blocks them too; this covers any other host).
 * Returns the only element rendered, or a <div> around several.
 */
export function md(strings: TemplateStringsArray | readonly string[], ...values: unknown[]): Element {
  const nodes: Node[] = [];
  let source = strings[0] ?? "";
  values.forEach((value, i) => {
    source += interpolate(value, nodes);
    source += strings[i + 1] ?? "";
  });
  const root = document.createElement("div");
  root.innerHTML = marked.parse(source, {async: false}).trim();
  removeScriptUrls(root); // before the interpolated nodes go in: those are the cell's own, kept as they are

  // Replace each placeholder anchor with the node it stands for.
  if (nodes.length > 0) {
    for (const anchor of Array.from(root.querySelectorAll("a[id^='md:']"))) {
      const node = nodes[Number(anchor.id.slice(3))];
      if (node) anchor.replaceWith(node);
    }
  }
  const only = root.firstElementChild;
  return root.childNodes.length === 1 && only ? (root.removeChild(only), only) : root;
}

// A DOM node becomes an empty anchor in the source (inline HTML, so it does not break the paragraph
// around it); consecutive nodes of an array share one fragment.
function interpolate(value: unknown, nodes: Node[]): string {
  if (isNode(value)) return placeholder(value, nodes);
  if (!Array.isArray(value)) return String(value);
  let text = "";
  let fragment: DocumentFragment | null = null;
  for (const item of value) {
    if (isNode(item)) {
      if (!fragment) text += placeholder((fragment = document.createDocumentFragment()), nodes);
      fragment.appendChild(item);
    } else {
      fragment = null;
      text += String(item);
    }
  }
  return text;
}

function placeholder(node: Node, nodes: Node[]): string {
  return `<a id="md:${nodes.push(node) - 1}"></a>`;
}

// Not `instanceof Node`: in Node the DOM classes are installed globals that may come after this module.
function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).nodeType === "number";
}
