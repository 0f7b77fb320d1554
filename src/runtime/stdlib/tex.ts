import katex, {type KatexOptions} from "katex";
import {rawTemplate} from "./raw-template.ts";

/** A tagged template that renders TeX to an element: `tex\`E = mc^2\``. */
export type TexTemplate = (
  strings: TemplateStringsArray | readonly string[],
  ...values: unknown[]
) => HTMLElement;

/** The `tex` builtin: inline math, with `tex.block` (display mode) and `tex.options(…)` (any KaTeX options). */
export interface Tex extends TexTemplate {
  /** Renders in display mode: a centred block, as `$$…$$` in LaTeX. */
  readonly block: TexTemplate;
  /** A template rendering with these KaTeX options (`displayMode`, `macros`, `throwOnError`, …). */
  options(options: KatexOptions): TexTemplate;
}

/**
 * Observable's `tex`, on KaTeX. The source is the template's raw text (`\frac` stays a backslash and `f`, not a
 * form feed) with interpolated values as their strings. A TeX error throws KaTeX's ParseError (KaTeX's default
 * `throwOnError`), so it becomes the cell's error. KaTeX's `trust` stays off: `\href`, `\url` and
 * `\includegraphics` from interpolated data render as text, never as a link or an image.
 */
export function createTex(): Tex {
  return Object.assign(renderer({}), {block: renderer({displayMode: true}), options: renderer});
}

function renderer(options: KatexOptions): TexTemplate {
  return (strings, ...values) => {
    const root = document.createElement("div");
    katex.render(rawTemplate(strings, values), root, options);
    // KaTeX renders one element: a span.katex, or a span.katex-display around it. Taken out of the <div>: an
    // element that has a parent elsewhere is one the Inspector describes instead of showing.
    return root.removeChild(root.firstElementChild as HTMLElement);
  };
}
