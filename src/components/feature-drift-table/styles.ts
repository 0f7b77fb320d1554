import {css} from "lit";

export const featureDriftTableStyles = css`
  .state {
    margin: 0;
    padding: 8px;
    color: var(--phx-muted);
  }
  /*
   * Auto layout, not fixed: under table-layout: fixed the kind, value and 40% bar columns took their widths
   * first and a narrow box left the names nothing (0 px at 360 px). Here every column keeps its minimum (a
   * name 8em, see button.feature) and the bar, a percentage, gives way first as the box narrows. Under
   * about 280 px (13px text) the minimums no longer fit and the table is wider than its box.
   */
  table {
    width: 100%;
    border-collapse: collapse;
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
  /*
   * A name with no place to break is cut: its title and accessible name hold all of it. Contained, a long
   * name asks its column for 8em and no more (it cannot push the numbers out), and fills what it gets.
   */
  button.feature {
    display: block;
    width: 100%;
    min-width: 8em;
    contain: inline-size;
    text-align: left;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  /* Its column may be as narrow as its text: "PSI ↓" on one line. */
  button.sort {
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
