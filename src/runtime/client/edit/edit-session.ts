import {parseNotebook} from "../../notebook/parse.ts";
import {spliceNotebook} from "../../notebook/splice.ts";
import {CellId, type Cell, type CellMode, type Notebook} from "../../notebook/types.ts";
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

/**
 * A structural change, as undo inverts it on the cells of the moment: `after` and `before` are the cell's
 * neighbours when the change was made (where a deleted or moved cell goes back), `index` its place then.
 */
type Change =
  | {readonly kind: "add"; id: CellId}
  | {
      readonly kind: "delete";
      readonly cell: Cell;
      readonly editor?: string;
      after?: CellId;
      before?: CellId;
      readonly index: number;
    }
  | {readonly kind: "move"; id: CellId; after?: CellId; before?: CellId; readonly index: number}
  | {readonly kind: "mode"; id: CellId; readonly mode: CellMode};

/** What undo did: the cell it concerned, and the text its editor held when it was deleted (reopen it with that). */
export interface Undone {
  readonly id: CellId;
  readonly editor?: string;
}

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
  /**
   * Each structural change, the latest last, with the cells and the page's text before it (`cells`, `text`) and
   * the page's text after it (`result`).
   */
  readonly #undo: {
    readonly change: Change;
    readonly cells: readonly Cell[];
    readonly text: string;
    result: string;
  }[] = [];
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

  /** Puts `cells` in the page (the same cells, sources changed) and saves. */
  commit(cells: readonly Cell[]): void {
    if (this.ended) return;
    this.#splice(this.#mine, cells);
  }

  /** Adds `cell` at `index` (undoable); saves. */
  add(cell: Cell, index: number): void {
    const cells = [...this.cells];
    cells.splice(index, 0, cell);
    this.#change({kind: "add", id: cell.id}, cells);
  }

  /** Deletes the cell `id` (undoable); `editor`: what its open editor holds, which undo gives back. Saves. */
  delete(id: CellId, editor?: string): void {
    const index = this.cells.findIndex((cell) => cell.id === id);
    if (index < 0) return;
    const cells = [...this.cells];
    const [cell] = cells.splice(index, 1);
    const change = {kind: "delete", cell: cell!, index, ...neighbours(this.cells, index)} as const;
    this.#change(editor === undefined ? change : {...change, editor}, cells);
  }

  /** Moves the cell `id` to `to` (undoable); saves. */
  move(id: CellId, to: number): void {
    const index = this.cells.findIndex((cell) => cell.id === id);
    if (index < 0 || to < 0 || to >= this.cells.length || to === index) return;
    const cells = [...this.cells];
    cells.splice(to, 0, ...cells.splice(index, 1));
    this.#change({kind: "move", id, index, ...neighbours(this.cells, index)}, cells);
  }

  /** Gives the cell `id` the mode `mode` (undoable); saves. */
  setMode(id: CellId, mode: CellMode): void {
    const cell = this.cell(id);
    if (!cell || cell.mode === mode) return;
    const cells = this.cells.map((c) => (c === cell ? {...c, mode} : c));
    this.#change({kind: "mode", id, mode: cell.mode}, cells);
  }

  /**
   * Undoes the last structural change (adding, deleting, moving a cell or changing its mode) on the cells as they
   * are now: the sources edited since it stay. Returns the cell it concerned, if any is left.
   */
  undo(): Undone | undefined {
    if (this.ended) return undefined;
    const last = this.#undo.pop();
    if (!last) return undefined;
    const {change} = last;
    // The cells after the undo, and the place of the cell it concerns among them.
    let {cells, index} = invert(change, this.cells, () => this.freshId());
    let text = this.#mine;
    if (this.#mine === last.result) {
      // Nothing changed since: into the text of then, which still holds a deleted cell's bytes and the text
      // between moved cells; the file comes back as it was, attributes in its author's order.
      cells = last.cells;
      text = last.text;
      if (change.kind !== "mode") index = change.kind === "add" ? -1 : change.index;
    }
    this.#splice(text, cells);
    const id = this.cells[index]?.id; // as read back (a cell without an id attribute is numbered by position)
    if (id === undefined) return undefined;
    return change.kind === "delete" && change.editor !== undefined ? {id, editor: change.editor} : {id};
  }

  #change(change: Change, cells: readonly Cell[]): void {
    if (this.ended) return;
    // On the stack before the splice, which renumbers the cells it names (a file without id attributes).
    const entry = {change, cells: this.cells, text: this.#mine, result: ""};
    this.#undo.push(entry);
    this.#splice(this.#mine, cells);
    entry.result = this.#mine;
  }

  #splice(text: string, cells: readonly Cell[]): void {
    this.#mine = spliceNotebook(text, cells, this.#options.file);
    const notebook = parseNotebook(this.#mine, this.#options.file);
    // Cells without an id attribute are numbered by position: what moved reads back under another id.
    const renumbered = new Map<CellId, CellId>();
    notebook.cells.forEach((cell, k) => cell.id !== cells[k]?.id && renumbered.set(cells[k]!.id, cell.id));
    if (renumbered.size) {
      for (const {change} of this.#undo) renumber(change, renumbered);
      this.#options.renumbered?.(renumbered);
    }
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

// The neighbours of the cell at `index`.
function neighbours(cells: readonly Cell[], index: number): {after?: CellId; before?: CellId} {
  const after = cells[index - 1]?.id;
  const before = cells[index + 1]?.id;
  return {...(after === undefined ? {} : {after}), ...(before === undefined ? {} : {before})};
}

// `cells` with `change` undone: an added cell removed, a deleted one put back (with its source of then) and a
// moved one moved back, after the cell it followed, else before the one it preceded, else at its place then; a
// re-moded cell gets its mode back.
function invert(
  change: Change,
  cells: readonly Cell[],
  freshId: () => CellId
): {cells: readonly Cell[]; index: number} {
  switch (change.kind) {
    case "add":
      return {cells: cells.filter((cell) => cell.id !== change.id), index: -1};
    case "mode":
      return {
        cells: cells.map((cell) => (cell.id === change.id ? {...cell, mode: change.mode} : cell)),
        index: cells.findIndex((cell) => cell.id === change.id)
      };
    case "delete": {
      const taken = cells.some((cell) => cell.id === change.cell.id);
      return insert(cells, taken ? {...change.cell, id: freshId()} : change.cell, change);
    }
    case "move": {
      const cell = cells.find((c) => c.id === change.id);
      return cell
        ? insert(
            cells.filter((c) => c !== cell),
            cell,
            change
          )
        : {cells, index: -1};
    }
  }
}

function insert(
  cells: readonly Cell[],
  cell: Cell,
  place: {readonly after?: CellId; readonly before?: CellId; readonly index: number}
): {cells: readonly Cell[]; index: number} {
  const after = cells.findIndex((c) => c.id === place.after);
  const before = cells.findIndex((c) => c.id === place.before);
  const index = after >= 0 ? after + 1 : before >= 0 ? before : Math.min(place.index, cells.length);
  return {cells: [...cells.slice(0, index), cell, ...cells.slice(index)], index};
}

// The cells a change names, under the ids a splice gave them (see renumbered). A deleted cell is in no notebook:
// its own id stays (undo gives it a fresh one if another cell has it then).
function renumber(change: Change, ids: ReadonlyMap<CellId, CellId>): void {
  const to = (id: CellId | undefined) => (id === undefined ? undefined : (ids.get(id) ?? id));
  if (change.kind === "add" || change.kind === "move" || change.kind === "mode") change.id = to(change.id)!;
  if (change.kind === "delete" || change.kind === "move") {
    if (change.after !== undefined) change.after = to(change.after)!;
    if (change.before !== undefined) change.before = to(change.before)!;
  }
}
