import type {CellError, CellErrorKind} from "../cell-error.ts";
import {redact} from "../secrets/redact.ts";

/** A short label per kind, and the fix it points to; the message itself comes from `describe()`. */
function explain(error: CellError): {label: string; hint: string} {
  const input = error.input ?? "the input";
  const kind: CellErrorKind = error.kind;
  switch (kind) {
    case "syntax":
      return {label: "Syntax error", hint: "fix the code at the line shown"};
    case "runtime":
      return {label: "Error", hint: "the cell threw while computing"};
    case "undefined":
      return {label: "Not defined", hint: `define ${input} in a cell, or check its spelling`};
    case "input":
      return {label: "Waiting on a failed input", hint: `this cell runs again once ${input} is fixed`};
    case "circular":
      return {label: "Circular definition", hint: "break the loop between the cells"};
    case "duplicate":
      return {label: "Defined twice", hint: "rename one of the cells"};
  }
}

/**
 * The error of a cell, shown in its place: kind, `name (line N): message`, and what to do about it. The
 * message shows none of `secrets` (the page's password values) and nothing shaped like a key.
 */
export function renderError(error: CellError, secrets: readonly string[] = []): HTMLElement {
  const {label, hint} = explain(error);
  const root = document.createElement("div");
  root.className = `phx-error phx-error--${error.kind}`;
  root.setAttribute("role", "alert");
  const title = root.appendChild(document.createElement("strong"));
  title.className = "phx-error-label";
  title.textContent = label;
  const message = root.appendChild(document.createElement("code"));
  message.className = "phx-error-message";
  message.textContent = redact(error.describe(), secrets);
  const help = root.appendChild(document.createElement("span"));
  help.className = "phx-error-hint";
  help.textContent = hint;
  return root;
}
