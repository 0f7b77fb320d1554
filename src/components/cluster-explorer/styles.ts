import {css} from "lit";

export const clusterExplorerStyles = css`
  .head,
  .row {
    display: grid;
    grid-template-columns: 4.5em 3.5em minmax(90px, 1fr) 3.5em 10em 10em;
    align-items: center;
    gap: 10px;
    padding: 4px 8px;
  }
  .head {
    align-items: end;
    color: var(--phx-muted);
    font-size: 12px;
    border-bottom: 1px solid var(--phx-subtle);
  }
  /* A long metric or dataset name is cut, not spilled over the next column: the full text is the title. */
  .head > span,
  .head small {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .head small {
    display: block;
    font-size: 11px;
  }
  .head.no-metric,
  .row.no-metric {
    grid-template-columns: 4.5em 3.5em minmax(90px, 1fr) 3.5em 10em;
  }
  /*
   * One dataset: no drift-ratio bar and value, and the share and metric of the primary alone. In pixels, not
   * em: no flexible column takes up the difference between the header's smaller font and the rows'.
   */
  .head.no-reference,
  .row.no-reference {
    grid-template-columns: 64px 56px 140px 140px;
  }
  .head.no-reference.no-metric,
  .row.no-reference.no-metric {
    grid-template-columns: 64px 56px 140px;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: var(--phx-list-height, 360px);
    overflow-y: auto;
  }
  .row {
    width: 100%;
    border: 0;
    border-bottom: 1px solid var(--phx-subtle);
    background: none;
    color: inherit;
    font: inherit;
    text-align: left;
    cursor: pointer;
  }
  .row:hover {
    background: color-mix(in srgb, var(--phx-subtle) 60%, transparent);
  }
  .row[aria-pressed="true"] {
    background: var(--phx-subtle);
    box-shadow: inset 3px 0 0 var(--phx-foreground);
  }
  .row:focus-visible {
    outline: 2px solid var(--phx-primary);
    outline-offset: -2px;
  }
  .id i {
    display: inline-block;
    width: 9px;
    height: 9px;
    margin-right: 6px;
    border-radius: 50%;
  }
  .num {
    text-align: right;
  }
  .bar {
    position: relative;
    display: block;
    height: 10px;
    border-radius: 2px;
    background: var(--phx-subtle);
  }
  .bar.empty {
    background: none;
    height: auto;
    color: var(--phx-muted);
  }
  .bar .fill {
    position: absolute;
    top: 0;
    bottom: 0;
  }
  .bar .mid {
    position: absolute;
    left: 50%;
    top: -2px;
    bottom: -2px;
    width: 1px;
    background: var(--phx-muted);
  }
  .pair .ref {
    color: var(--phx-muted);
  }
  .empty-list,
  .state {
    margin: 0;
    padding: 8px;
    color: var(--phx-muted);
  }
  .state.error {
    color: var(--phx-foreground);
  }
`;
