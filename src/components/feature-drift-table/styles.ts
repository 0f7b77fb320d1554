import {css} from "lit";

export const featureDriftTableStyles = css`
  .state {
    margin: 0;
    padding: 8px;
    color: var(--phx-muted);
  }
  /* Fixed: the columns' widths come from the header, so a long feature name cannot push the numbers out. */
  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  th,
  td {
    padding: 4px 8px;
    border-bottom: 1px solid var(--phx-subtle);
    text-align: left;
  }
  th {
    color: var(--phx-muted);
    font-weight: normal;
    font-size: 12px;
  }
  .num {
    text-align: right;
    width: 6em;
  }
  .kind {
    color: var(--phx-muted);
    width: 7em;
  }
  tbody tr {
    cursor: pointer;
  }
  tbody tr:hover {
    background: color-mix(in srgb, var(--phx-subtle) 60%, transparent);
  }
  tr[aria-selected="true"] {
    background: var(--phx-subtle);
  }
  button {
    border: 0;
    padding: 0;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  /* A name with no place to break is cut: its title and accessible name hold all of it. */
  button.feature {
    display: block;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  button:focus-visible {
    outline: 2px solid var(--phx-primary);
  }
  .bar {
    width: 40%;
  }
  .bar span {
    display: block;
    height: 8px;
    border-radius: 2px;
    background: var(--phx-primary);
  }
  .bins {
    margin-top: 10px;
  }
`;
