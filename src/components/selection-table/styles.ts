import {css} from "lit";

/** Row height in CSS pixels: fixed, so that the visible rows follow from the scroll offset alone. */
export const ROW_HEIGHT = 52;

export const selectionTableStyles = css`
  .grid:focus-visible {
    outline: 2px solid var(--phx-primary);
    outline-offset: -2px;
  }
  .scroller {
    overflow: auto;
    position: relative;
  }
  .head,
  .row {
    display: grid;
    grid-template-columns: var(--columns);
    align-items: center;
    column-gap: 8px;
    padding: 0 8px;
    min-width: min-content;
  }
  .head {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--phx-background);
    border-bottom: 1px solid var(--phx-muted);
    height: 30px;
  }
  .head button {
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    border: 0;
    padding: 0;
    background: none;
    color: var(--phx-muted);
    font: inherit;
    font-size: 12px;
    cursor: pointer;
    text-align: left;
  }
  .head button:focus-visible,
  .more:focus-visible {
    outline: 2px solid var(--phx-primary);
  }
  .spacer {
    position: relative;
  }
  .row {
    position: absolute;
    left: 0;
    right: 0;
    height: ${ROW_HEIGHT}px;
    box-sizing: border-box;
    border-bottom: 1px solid var(--phx-subtle);
    cursor: pointer;
  }
  .row:hover {
    background: color-mix(in srgb, var(--phx-subtle) 60%, transparent);
  }
  .row[aria-selected="true"] {
    background: var(--phx-subtle);
  }
  .row.active {
    box-shadow: inset 2px 0 0 var(--phx-primary);
  }
  [role="gridcell"],
  [role="columnheader"] {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .num {
    text-align: right;
  }
  /*
   * Where alignment flips between neighbours, their texts meet at the 8 px gap: cluster 6 beside prediction 2
   * read as "6 2" or "62". Twice the gap more keeps them apart, in the header as in the rows.
   */
  .head > .num + :not(.num),
  .head > :not(.num) + .num,
  .row > .num + :not(.num),
  .row > :not(.num) + .num {
    padding-left: 16px;
  }
  .raw {
    display: flex;
    align-items: center;
    gap: 4px;
    white-space: normal;
  }
  .clamp {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
    overflow-wrap: anywhere;
    white-space: normal;
  }
  .more {
    flex: none;
    border: 1px solid var(--phx-subtle);
    border-radius: 3px;
    background: none;
    color: var(--phx-muted);
    font: inherit;
    font-size: 11px;
    cursor: pointer;
  }
  .image img {
    display: block;
    height: ${ROW_HEIGHT - 8}px;
    width: auto;
    max-width: 100%;
    image-rendering: pixelated;
    border: 1px solid var(--phx-subtle);
  }
  /* The primary color itself is 2.7:1 on the light background: as text it is mixed toward the foreground. */
  a {
    color: color-mix(in srgb, var(--phx-primary) 60%, var(--phx-foreground));
  }
  .dataset-0 {
    color: var(--phx-primary);
  }
  .dataset-1 {
    color: var(--phx-reference);
  }
  .detail {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: 1fr;
    gap: 12px;
    padding: 8px;
    border-top: 1px solid var(--phx-muted);
  }
  .detail h4 {
    margin: 0 0 4px;
    font-size: 12px;
    font-weight: normal;
    color: var(--phx-muted);
  }
  .detail pre {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font: inherit;
    max-height: 240px;
    overflow: auto;
  }
  .empty {
    padding: 24px 8px;
    color: var(--phx-muted);
    text-align: center;
  }
  /* Where the rows would be: the selection names rows the data lacks. */
  .state.error {
    padding: 24px 8px;
    color: var(--phx-foreground);
    text-align: center;
  }
  .caption {
    color: var(--phx-muted);
    font-size: 12px;
    padding: 0 8px 4px;
  }
`;

/** A text column is at most this many characters wide; a longer value is cut with an ellipsis. */
const MAX_TEXT_CHARS = 24;

/**
 * Each column's width in the grid: numbers and labels narrow, raw text takes what is left. Every row is a grid
 * of its own (rows are placed by hand, see ROW_HEIGHT), so no width may depend on a row's content: a text
 * column grows to the widest of its values (`textChars`, in characters, up to MAX_TEXT_CHARS), the same in
 * every row. Without raw text (`fill`) the text columns share the width in that proportion instead.
 */
export function columnWidth(kind: string, textChars: number, fill: boolean): string {
  if (kind === "raw") return "minmax(14em, 1fr)";
  if (kind === "image") return "56px";
  if (kind === "number") return "6em";
  const chars = Math.min(textChars, MAX_TEXT_CHARS) + 1;
  return `minmax(6em, ${fill ? `${chars}fr` : `${chars}ch`})`;
}
