import {html, nothing} from "lit";

/** How far the tooltip keeps from the pointer, in CSS pixels. */
const GAP = 14;

/**
 * The hover tooltip, drawn at the surface's top-left corner: placeTooltip then moves it next to the pointer,
 * once its size is known. Its text goes through lit's text bindings, which set text nodes' data (as
 * textContent does): raw data such as "<img onerror=…>" shows as those characters and never becomes markup.
 * A status for a hover; hidden from screen readers when `spoken` elsewhere (the point cursor's live region),
 * so that they do not hear it twice.
 */
export function tooltip(text: {title: string; cluster: string | null; raw: string | null}, spoken = false) {
  return html`<div
    class="tooltip"
    role=${spoken ? nothing : "status"}
    aria-hidden=${spoken ? "true" : nothing}
  >
    <div class="title">${text.title}</div>
    ${text.cluster ? html`<div class="cluster">${text.cluster}</div>` : nothing}
    ${text.raw === null ? nothing : html`<div class="raw">${text.raw}</div>`}
  </div>`;
}

/** A width and a height, in CSS pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * Where a tooltip of `size` goes for the pointer at `at` on a surface of `surface` (top-left corners, CSS
 * pixels from the surface's): right of and below the pointer, else on the side that has room (left, above),
 * else against the surface's far edge, so that it stays inside the surface (whose overflow is clipped). One
 * larger than the surface starts at its top-left corner.
 */
export function tooltipPlacement(
  size: Size,
  at: {x: number; y: number},
  surface: Size
): {left: number; top: number} {
  return {left: along(at.x, size.width, surface.width), top: along(at.y, size.height, surface.height)};
}

function along(at: number, size: number, extent: number): number {
  if (at + GAP + size <= extent) return at + GAP;
  if (at - GAP - size >= 0) return at - GAP - size;
  return Math.max(0, extent - size);
}

/** Moves the tooltip `element` (drawn by `tooltip`) next to the pointer, inside `surface`. */
export function placeTooltip(element: HTMLElement, at: {x: number; y: number}, surface: HTMLElement): void {
  // Measured at the corner, where its width is not squeezed by the surface's edge.
  element.style.left = element.style.top = "0px";
  const size = {width: element.offsetWidth, height: element.offsetHeight};
  const {left, top} = tooltipPlacement(size, at, {width: surface.clientWidth, height: surface.clientHeight});
  element.style.left = `${left}px`;
  element.style.top = `${top}px`;
}
