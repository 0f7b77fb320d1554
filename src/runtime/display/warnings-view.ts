import {redact} from "../secrets/redact.ts";
import {listedWarnings} from "../value-warnings.ts";

/**
 * The warnings of a cell's value, under its output: a label and one line each (the first few, then how many
 * more). Text only: a warning quotes data (a prediction id, a URL), which may be markup or a `javascript:`
 * URL.
 */
export class WarningsView {
  readonly element: HTMLElement;
  readonly #label: HTMLElement;
  readonly #list: HTMLElement;

  constructor() {
    this.element = document.createElement("div");
    this.element.className = "phx-warnings";
    this.element.hidden = true;
    // A status, not an alert: the value is there and usable; a screen reader says so when it is polite to.
    this.element.setAttribute("role", "status");
    this.#label = this.element.appendChild(document.createElement("strong"));
    this.#label.className = "phx-warnings-label";
    this.#list = this.element.appendChild(document.createElement("ul"));
    this.#list.className = "phx-warnings-list";
  }

  /** Shows `warnings` (none: hides the note), without any of `secrets` or anything shaped like a key. */
  show(warnings: readonly string[], secrets: readonly string[] = []): void {
    this.element.hidden = warnings.length === 0;
    if (!warnings.length) return this.#list.replaceChildren();
    this.#label.textContent = warnings.length === 1 ? "Warning" : `${warnings.length} warnings`;
    const {shown, more} = listedWarnings(warnings);
    const items = shown.map((warning) => line(redact(warning, secrets)));
    if (more) items.push(line(`and ${more} more`, "phx-warnings-more"));
    this.#list.replaceChildren(...items);
  }

  hide(): void {
    this.show([]);
  }
}

function line(text: string, className?: string): HTMLElement {
  const item = document.createElement("li");
  if (className) item.className = className;
  item.textContent = text;
  return item;
}
