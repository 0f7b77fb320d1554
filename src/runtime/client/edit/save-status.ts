import type {SaveState} from "./edit-session.ts";

/** Options of SaveStatus. */
export interface SaveStatusOptions {
  readonly undo: () => void;
  /** After a conflict: which version to keep; resolves to the page path of the other one's copy. */
  readonly keep: (which: "mine" | "theirs") => Promise<string | undefined>;
}

/**
 * A line at the top of a dev server's page: whether the page's edits are saved, the undo of the last structural
 * change, and, when the file changed under the page's edits, both versions and the choice between them.
 */
export class SaveStatus {
  readonly element: HTMLElement;
  readonly #state: HTMLElement;
  readonly #undo: HTMLButtonElement;
  readonly #conflict: HTMLElement;
  readonly #note: HTMLElement;
  readonly #unsaved: HTMLDetailsElement;

  constructor({undo, keep}: SaveStatusOptions) {
    this.element = document.createElement("div");
    this.element.className = "phx-save-status";
    this.#state = this.element.appendChild(document.createElement("span"));
    this.#state.className = "phx-save-state";
    this.#undo = this.element.appendChild(document.createElement("button"));
    this.#undo.type = "button";
    this.#undo.dataset.action = "undo";
    this.#undo.textContent = "Undo";
    this.#undo.title = "Undo the last added, deleted, moved or re-moded cell";
    this.#undo.addEventListener("click", undo);
    this.#note = this.element.appendChild(document.createElement("span"));
    this.#note.className = "phx-save-note";
    // The page's version when the server would not take it (a read-only file), for the user to copy.
    this.#unsaved = this.element.appendChild(document.createElement("details"));
    this.#unsaved.className = "phx-unsaved";
    this.#unsaved.appendChild(document.createElement("summary")).textContent = "Your version (not saved)";
    this.#unsaved.appendChild(document.createElement("pre"));
    this.#conflict = this.element.appendChild(document.createElement("div"));
    this.#conflict.className = "phx-conflict";
    this.#conflict.setAttribute("role", "alert");
    this.#conflict.hidden = true;
    const choose = async (which: "mine" | "theirs") => {
      const copy = await keep(which);
      if (copy !== undefined) this.#noteCopy(copy, which === "mine" ? "The file's version" : "Your version");
    };
    this.#conflict.append(
      "The notebook file changed on disk since this page last saved it. ",
      button("keep-mine", "Keep mine", () => void choose("mine")),
      " ",
      button("take-theirs", "Take theirs", () => void choose("theirs")),
      " (the other version is kept as a copy beside the notebook)"
    );
    this.show({state: "saved"}, false);
  }

  /** The Undo button (where the focus goes when a deleted cell leaves none nearby). */
  get undoButton(): HTMLButtonElement {
    return this.#undo;
  }

  show(state: SaveState, canUndo: boolean): void {
    this.#undo.disabled = !canUndo;
    this.#undo.hidden = state.state === "readonly";
    this.element.dataset.state = state.state;
    const mine = state.state === "failed" || state.state === "readonly" ? state.mine : undefined;
    if (mine === undefined) this.#unsaved.remove();
    else {
      this.#unsaved.querySelector("pre")!.textContent = mine;
      if (!this.#unsaved.isConnected) this.#note.after(this.#unsaved);
    }
    this.#conflict.hidden = state.state !== "conflict";
    this.#conflict.querySelector("details")?.remove();
    switch (state.state) {
      case "saved":
        return void (this.#state.textContent = "Saved");
      case "saving":
        return void (this.#state.textContent = "Saving…");
      case "unsaved":
        return void (this.#state.textContent = "Unsaved changes");
      case "failed":
        return void (this.#state.textContent = `Not saved: ${state.reason}`);
      case "readonly":
        return void (this.#state.textContent = `${state.reason}: editing is off`);
      case "conflict": {
        this.#state.textContent = state.problem ? `Conflict: ${state.problem}` : "Conflict";
        const details = this.#conflict.appendChild(document.createElement("details"));
        details.appendChild(document.createElement("summary")).textContent = "Their version (on disk)";
        details.appendChild(document.createElement("pre")).textContent = state.theirs;
      }
    }
  }

  #noteCopy(copy: string, whose: string): void {
    this.#note.replaceChildren(`${whose} is kept as `);
    const link = this.#note.appendChild(document.createElement("a"));
    link.href = `/${copy}`;
    link.textContent = copy;
  }
}

function button(action: string, label: string, click: () => void): HTMLButtonElement {
  const element = document.createElement("button");
  element.type = "button";
  element.dataset.action = action;
  element.textContent = label;
  element.addEventListener("click", click);
  return element;
}
