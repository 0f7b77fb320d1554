import {html, nothing} from "lit";

/**
 * The hover tooltip at (x, y), flipped to the pointer's left past the middle of a surface `width` wide. Its
 * text goes through lit's text bindings, which set text nodes' data (as textContent does): raw data such as
 * "<img onerror=…>" shows as those characters and never becomes markup.
 */
export function tooltip(
  text: {title: string; cluster: string | null; raw: string | null},
  at: {x: number; y: number},
  width: number
) {
  const flip = at.x > width / 2;
  const style = `left: ${at.x + (flip ? -14 : 14)}px; top: ${at.y + 14}px;${flip ? " transform: translateX(-100%);" : ""}`;
  return html`<div class="tooltip" role="status" style=${style}>
    <div class="title">${text.title}</div>
    ${text.cluster ? html`<div class="cluster">${text.cluster}</div>` : nothing}
    ${text.raw === null ? nothing : html`<div class="raw">${text.raw}</div>`}
  </div>`;
}
