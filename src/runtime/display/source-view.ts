import type {Cell} from "../notebook/types.ts";

/** A pinned cell's source, shown above its output. */
export function renderSource(cell: Cell): HTMLElement {
  const pre = document.createElement("pre");
  pre.className = `phx-source phx-source--${cell.mode}`;
  const code = pre.appendChild(document.createElement("code"));
  code.textContent = cell.source;
  return pre;
}
