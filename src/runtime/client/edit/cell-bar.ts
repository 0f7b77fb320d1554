import {cellTypes, type CellMode} from "../../notebook/types.ts";

/** What a cell's bar offers. */
export type CellAction = "edit" | "run" | "stop" | "above" | "below" | "up" | "down" | "delete";

const buttons: readonly (readonly [CellAction, string, string])[] = [
  ["edit", "Edit", "Show or hide the cell's source"],
  ["run", "Run", "Run the cell (Shift-Enter in its editor)"],
  ["stop", "Stop", "Stop the cell's run: its invalidation fires, its worker ends"],
  ["above", "+ above", "Add a cell above"],
  ["below", "+ below", "Add a cell below"],
  ["up", "↑", "Move the cell up"],
  ["down", "↓", "Move the cell down"],
  ["delete", "Delete", "Delete the cell (undo brings it back)"]
];

const modeLabels: Readonly<Record<CellMode, string>> = {
  ojs: "Observable JS",
  js: "JavaScript",
  ts: "TypeScript",
  md: "Markdown",
  html: "HTML",
  tex: "TeX",
  dot: "DOT",
  sql: "SQL",
  node: "Node loader",
  python: "Python loader"
};

/** The bar above a cell in a dev server's page: its actions, and its mode. */
export function cellBar(
  mode: CellMode,
  act: (action: CellAction) => void,
  changeMode: (mode: CellMode) => void
): HTMLElement {
  const bar = document.createElement("div");
  bar.className = "phx-edit-bar";
  const running = bar.appendChild(document.createElement("span"));
  running.className = "phx-edit-running";
  running.textContent = "running…";
  for (const [action, label, title] of buttons) {
    const button = bar.appendChild(document.createElement("button"));
    button.type = "button";
    button.dataset.action = action;
    button.textContent = label;
    button.title = title;
    button.addEventListener("click", () => act(action));
  }
  const select = bar.appendChild(document.createElement("select"));
  select.className = "phx-edit-mode";
  select.title = "The cell's mode";
  for (const value of Object.keys(cellTypes) as CellMode[])
    select.append(new Option(modeLabels[value], value, false, value === mode));
  select.addEventListener("change", () => changeMode(select.value as CellMode));
  return bar;
}

/** Shows `mode` in a bar's select (the cell's mode changed by undo or by the file). */
export function showMode(bar: HTMLElement, mode: CellMode): void {
  const select = bar.querySelector<HTMLSelectElement>(".phx-edit-mode");
  if (select && select.value !== mode) select.value = mode;
}
