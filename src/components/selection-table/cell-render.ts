import {html, nothing, type TemplateResult} from "lit";
import {cellText, listOf} from "./cell-text.ts";
import type {TableColumn} from "./columns.ts";
import {bytesUrl, pixelsUrl, safeLink} from "./media.ts";

/** Raw text longer than this, or on several lines, is clamped with a button that shows all of it. */
const LONG_TEXT = 140;

/** Whether a raw data value is long enough to be clamped. */
export const isLong = (text: string): boolean => text.length > LONG_TEXT || text.includes("\n");

/** What a cell needs beyond its column: the row's label for screen readers and how images may load. */
export interface CellContext {
  /** "production row 12", for the alt text and the expand button's label. */
  readonly rowLabel: string;
  /** Whether http(s) image URLs load as images (else they show as links). */
  readonly remoteImages: boolean;
  /** Whether this row's raw data is expanded. */
  readonly expanded: boolean;
  /**
   * Whether the row is the grid's active one: only its buttons and links are tab stops, so that Tab passes
   * the rows in one step (the grid is the rows' stop) yet still reaches the controls of the row the arrow
   * keys moved to.
   */
  readonly active: boolean;
  /** Toggles the row's expanded raw data. */
  readonly toggle: (event: Event) => void;
  /** Image URLs made from bytes or pixels, cached per listed row (making one costs a canvas or base64). */
  readonly images: Map<number, string | null>;
}

/** One cell: every value goes into a text node or a checked attribute, never parsed as HTML. */
export function renderCell(column: TableColumn, i: number, context: CellContext): TemplateResult {
  const value = column.value(i);
  switch (column.kind) {
    case "raw": {
      const text = cellText(value);
      const long = value !== null && isLong(text);
      return html`<div role="gridcell" class="raw">
        <span class="clamp">${text}</span>${
          long
            ? html`<button
                class="more"
                tabindex=${context.active ? 0 : -1}
                aria-expanded=${context.expanded ? "true" : "false"}
                aria-label=${`${context.expanded ? "hide" : "show"} all of the ${column.label} of ${context.rowLabel}`}
                @click=${context.toggle}
              >
                ${context.expanded ? "less" : "more"}
              </button>`
            : nothing
        }
      </div>`;
    }
    case "image":
      return html`<div role="gridcell" class="image">${image(value, i, context)}</div>`;
    case "number":
      return html`<div role="gridcell" class="num">${cellText(value)}</div>`;
    case "text": {
      // Cut with an ellipsis when longer than its column: the title shows all of it.
      const text = cellText(value);
      return html`<div role="gridcell" title=${text}>${text}</div>`;
    }
  }
}

function image(value: unknown, i: number, context: CellContext) {
  if (value === null || value === undefined) return "—";
  const alt = `image of ${context.rowLabel}`;
  if (typeof value === "string") {
    const link = safeLink(value, context.remoteImages);
    if (link.kind === "image") return html`<img src=${link.url} alt=${alt} referrerpolicy="no-referrer" />`;
    if (link.kind === "link")
      return html`<a
        href=${link.url}
        target="_blank"
        rel="noopener noreferrer"
        tabindex=${context.active ? 0 : -1}
        >${link.url}</a
      >`;
    return html`<span class="clamp">${value}</span>`;
  }
  if (!context.images.has(i)) context.images.set(i, madeUrl(value));
  const url = context.images.get(i);
  return url ? html`<img src=${url} alt=${alt} />` : "—";
}

// Bytes of a known image type, or grey levels ({pixels, width}) drawn on a canvas.
function madeUrl(value: unknown): string | null {
  if (value instanceof Uint8Array) return bytesUrl(value);
  const {pixels, width} = value as {pixels?: unknown; width?: number};
  const levels = listOf(pixels);
  if (!levels?.length) return null;
  const numbers = levels.map(Number);
  return pixelsUrl(numbers, width ?? Math.round(Math.sqrt(numbers.length)));
}
