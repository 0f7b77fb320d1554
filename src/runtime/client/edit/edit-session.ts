import {parseNotebook} from "../../notebook/parse.ts";
import {spliceNotebook} from "../../notebook/splice.ts";
import {CellId, type Cell, type Notebook} from "../../notebook/types.ts";
import type {NotebookPage} from "../notebook-page.ts";
import type {HotUpdate} from "../protocol.ts";
import {PageNotebook} from "./page-notebook.ts";
import {postSave} from "./save-client.ts";

/** Where the page's version of the notebook stands against the file. */
export type SaveState =
  | {readonly state: "saved" | "saving" | "unsaved"}
  // The file changed under the page's edits; `problem`: why the last choice could not be made.
  | {readonly state: "conflict"; readonly theirs: string; readonly problem?: string}
  // The server refused (a read-only file, say): the edit stays in the page; `mine`: its text, to copy.
  | {readonly state: "failed"; readonly reason: string; readonly mine: string}
  // The notebook is now marked `<notebook readonly>` on disk: editing is off for good (a reload shows it so);
  // `mine`: the page's text, when it held edits the file does not have.
  | {readonly state: "readonly"; readonly reason: string; readonly mine?: string};

/** Options of EditSession. */
export interface EditSessionOptions {
  /** The notebook file's page path. */
  readonly file: string;
  /** The save token the page was served with. */
  readonly token: string;
  /** The file's text as the page got it. */
  readonly text: string;
  /** The notebook as the server sent it (TypeScript cells compiled). */
  readonly served: Notebook;
  readonly page: NotebookPage;
  /** The edits not yet run: the text of each open editor that differs from its cell's, by cell id. */
  readonly drafts: () => ReadonlyMap<CellId, string>;
  /** After the page's cells changed (run, structure, the file's version taken). */
  readonly changed: () => void;
  readonly state: (state: SaveState) => void;
  /** After a change that gave cells other ids (a file whose cells carry none): old id → new id. */
  readonly renumbered?: (ids: ReadonlyMap<CellId, CellId>) => void;
}

/**
 * The page's version of the notebook file and its way back to disk. Every edit is spliced into the page's text
 * (spliceNotebook: unchanged cells keep their bytes), read back as the file would be, run (only the cells that
 * changed are redefined) and saved on the text the file had. A save on a file that changed meanwhile, or a
 * change on disk while the page has edits of its own, is a conflict: both versions are kept until the user
 * picks one, and the other is written beside the notebook as a copy. A notebook marked readonly on disk (a
 * hot update says so, or the server refuses a save for it) ends the session: nothing is saved from then on.
 */
export class EditSession {
  readonly #options: EditSessionOptions;
  readonly #pageNotebook = new PageNotebook();
  /** The file's text as last saved or received: what a save must find on disk. */
  #saved: string;
  /** The page's text: what it runs, and writes on the next save. */
  #mine: string;
  #notebook: Notebook;
  /** The cells before each structural change, and the page's text then, the latest last. */
  readonly #undo: {readonly cells: readonly Cell[]; readonly text: string}[] = [];
  #theirs: string | undefined;
  #saving: Promise<void> | undefined;
  #saveAgain = false;
  /** Why the session ended (the notebook is marked readonly), once it did. */
  #readonly: string | undefined;

  constructor(options: EditSessionOptions) {
    this.#options = options;
    this.#saved = this.#mine = options.text;
    this.#notebook = parseNotebook(options.text, options.file);
    this.#pageNotebook.learn(this.#notebook, options.served);
  }

  /** The cells as the page's text has them. */
  get cells(): readonly Cell[] {
    return this.#notebook.cells;
  }

  /** Whether a structural change can be undone. */
  get canUndo(): boolean {
    return this.#undo.length > 0 && !this.ended;
  }

  /** Whether the session ended (the notebook is marked readonly): the page shows the file, edits nothing. */
  get ended(): boolean {
    return this.#readonly !== undefined;
  }

  /** An id no cell of the page or the file has. */
  freshId(): CellId {
    const ids = [...this.#notebook.cells, ...parseNotebook(this.#saved).cells].map((cell) => cell.id);
    return CellId.create(Math.max(0, ...ids) + 1);
  }

  /** Runs the cell `id` with `source` (as is, when unchanged), then saves. */
  run(id: CellId, source: string): void {
    const cell = this.cell(id);
    if (!cell || this.ended) return;
    if (cell.source !== source) return this.commit(this.cells.map((c) => (c.id === id ? {...c, source} : c)));
    this.#options.page.rerun(id);
    void this.save();
  }

  /** Puts `cells` in the page (a structural change is undoable) and saves. */
  commit(cells: readonly Cell[], {structural = false} = {}): void {
    if (this.ended) return;
    if (structural) this.#undo.push({cells: this.cells, text: this.#mine});
    this.#splice(this.#mine, cells);
  }

  /** Undoes the last structural change (adding, deleting, moving a cell or changing its mode). */
  undo(): void {
    if (this.ended) return;
    const before = this.#undo.pop();
    // Into the text of then, which still holds a deleted cell's bytes: the file comes back as it was, the
    // cell's attributes in its author's order, not as the serializer writes a new cell.
    if (before) this.#splice(before.text, before.cells);
  }

  #splice(text: string, cells: readonly Cell[]): void {
    this.#mine = spliceNotebook(text, cells, this.#options.file);
    const notebook = parseNotebook(this.#mine, this.#options.file);
    // Cells without an id attribute are numbered by position: what moved reads back under another id.
    const renumbered = new Map<CellId, CellId>();
    notebook.cells.forEach((cell, k) => cell.id !== cells[k]?.id && renumbered.set(cells[k]!.id, cell.id));
    if (renumbered.size) this.#options.renumbered?.(renumbered);
    this.#show(notebook);
    void this.save();
  }

  cell(id: CellId): Cell | undefined {
    return this.cells.find((cell) => cell.id === id);
  }

  /** Writes the page's text to the file, unless the file changed since (then it is a conflict). */
  save(): Promise<void> {
    if (this.#theirs !== undefined || this.ended) return Promise.resolve();
    if (this.#saving) {
      this.#saveAgain = true;
      return this.#saving;
    }
    this.#saving = this.#saveLoop().finally(() => (this.#saving = undefined));
    return this.#saving;
  }

  /** A version of the file from the dev server (a text editor's save, another page's). */
  receive(update: HotUpdate): void {
    if (this.ended) return void this.#options.page.update(update.notebook); // as any page that edits nothing
    if (update.notebook.readonly) {
      // As a fresh load of the file: its version, no editing. The page's own edits are offered to copy.
      this.#end(`${this.#options.file} is marked readonly`);
      this.#options.page.update(update.notebook);
      return;
    }
    if (update.text === this.#mine) {
      // The page's own save, read by the server, which compiles the TypeScript cells the page cannot.
      this.#pageNotebook.learn(this.#notebook, update.notebook);
      if (this.#notebook.cells.some((cell) => cell.mode === "ts")) this.#show(this.#notebook);
      return;
    }
    if (update.text === this.#saved) return; // nothing new
    if (this.#mine === this.#saved && !this.#saving && this.#options.drafts().size === 0) {
      this.#take(update.text, update.notebook);
      return;
    }
    this.#conflict(update.text);
  }

  /**
   * Ends a conflict: "mine" writes the page's text over the file, "theirs" puts the file's in the page; the other
   * is written beside the notebook. Resolves to that copy's page path.
   */
  async keep(which: "mine" | "theirs"): Promise<string | undefined> {
    const theirs = this.#theirs;
    if (theirs === undefined) return undefined;
    if (which === "theirs") {
      // The file's version must read as a notebook for the page to take it: a text editor's half-written file
      // would leave the page with neither version. The conflict stays open; "mine" still works.
      try {
        parseNotebook(theirs, this.#options.file);
      } catch (error) {
        const problem = `the file's version does not read as a notebook (${(error as Error).message}): fix it, or keep mine`;
        this.#options.state({state: "conflict", theirs, problem});
        return undefined;
      }
    }
    const response = await postSave(
      {file: this.#options.file, base: theirs, text: this.#mine, keep: which},
      this.#options.token
    );
    if (response.status === "conflict") {
      this.#conflict(response.theirs); // it changed again: choose again
      return undefined;
    }
    if (response.status === "refused") {
      this.#refused(response);
      return undefined;
    }
    this.#theirs = undefined;
    if (which === "mine") this.#saved = this.#mine;
    else this.#take(theirs);
    this.#options.state({state: "saved"});
    return response.copy;
  }

  async #saveLoop(): Promise<void> {
    do {
      this.#saveAgain = false;
      if (this.#mine === this.#saved) break;
      const text = this.#mine;
      this.#options.state({state: "saving"});
      const response = await postSave(
        {file: this.#options.file, base: this.#saved, text},
        this.#options.token
      );
      if (response.status === "conflict") return this.#conflict(response.theirs);
      if (response.status === "refused") return this.#refused(response);
      this.#saved = text;
    } while (this.#saveAgain);
    this.#options.state({state: this.#mine === this.#saved ? "saved" : "unsaved"});
  }

  #refused({reason, readonly}: {readonly reason: string; readonly readonly?: true}): void {
    if (readonly) this.#end(reason);
    else this.#options.state({state: "failed", reason, mine: this.#mine});
  }

  // The notebook is marked readonly: no more saves, the undo history and any conflict dropped.
  #end(reason: string): void {
    if (this.ended) return;
    // The page's text with its unrun edits in it: what the user may want to copy before the editors go.
    const drafts = this.#options.drafts();
    const cells = this.cells.map((cell) => {
      const draft = drafts.get(cell.id);
      return draft === undefined ? cell : {...cell, source: draft};
    });
    const mine = drafts.size ? spliceNotebook(this.#mine, cells, this.#options.file) : this.#mine;
    this.#readonly = reason;
    this.#theirs = undefined;
    this.#undo.length = 0;
    this.#options.state(
      mine === this.#saved ? {state: "readonly", reason} : {state: "readonly", reason, mine}
    );
  }

  #conflict(theirs: string): void {
    this.#theirs = theirs;
    this.#options.state({state: "conflict", theirs});
  }

  // The file's version becomes the page's; `served` is the server's reading of it, when it sent one.
  #take(text: string, served?: Notebook): void {
    const notebook = parseNotebook(text, this.#options.file); // first: a text that does not read changes nothing
    this.#saved = this.#mine = text;
    this.#undo.length = 0;
    if (served) this.#pageNotebook.learn(notebook, served);
    this.#show(notebook);
  }

  #show(notebook: Notebook): void {
    this.#notebook = notebook;
    this.#options.page.update(this.#pageNotebook.forPage(notebook));
    this.#options.changed();
  }
}
