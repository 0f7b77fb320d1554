// Editing cells in a dev server's page. Loaded by a dynamic import only there (see hot.ts), so that CodeMirror
// never ships in a built page.
import "./edit.css";
import type {CompiledCell} from "../../compile/types.ts";
import {columnsBefore, type Cell, type CellId, type CellMode, type Notebook} from "../../notebook/types.ts";
import type {NotebookPage} from "../notebook-page.ts";
import type {EditData, HotUpdate} from "../protocol.ts";
import {cellBar, showMode, type CellAction} from "./cell-bar.ts";
import {CellEditor} from "./cell-editor.ts";
import {EditSession, type SaveState} from "./edit-session.ts";
import type {SourceError} from "./error-marks.ts";
import {SaveStatus} from "./save-status.ts";

/** Options of startEditing. */
export interface StartEditingOptions {
  readonly page: NotebookPage;
  readonly file: string;
  readonly editing: EditData;
  /** The notebook as the server last sent it. */
  readonly served: Notebook;
  /** Where the save status goes (above the cells). */
  readonly statusParent: Element;
}

/** Makes the page's cells editable; returns what takes the dev server's updates of the file from then on. */
export function startEditing({page, file, editing, served, statusParent}: StartEditingOptions): {
  receive(update: HotUpdate): void;
} {
  const editors = new Map<CellId, CellEditor>();
  let state: SaveState = {state: "saved"};
  const status = new SaveStatus({undo: () => undo(), keep: (which) => session.keep(which)});
  statusParent.prepend(status.element);
  const session: EditSession = new EditSession({
    file,
    token: editing.token,
    text: editing.text,
    served,
    page,
    drafts: () => new Map([...editors].filter(([, editor]) => editor.dirty).map(([id, e]) => [id, e.text])),
    changed: () => decorate(),
    state: (next) => {
      status.show((state = next), session.canUndo);
      if (next.state === "readonly") stop();
    },
    // An open editor follows its cell to its new id, before the page is redecorated.
    renumbered: (ids) => {
      const moved = [...editors].filter(([id]) => ids.has(id));
      for (const [id] of moved) editors.delete(id);
      for (const [id, editor] of moved) editors.set(ids.get(id)!, editor);
    }
  });

  const cellElement = (id: CellId) =>
    page.container.querySelector<HTMLElement>(`.phx-cell[data-cell-id="${id}"]`);

  function decorate(): void {
    if (session.ended) return;
    const cells = new Map(session.cells.map((cell) => [cell.id, cell]));
    for (const element of page.container.querySelectorAll<HTMLElement>(".phx-cell")) {
      const cell = cells.get(Number(element.dataset.cellId) as CellId);
      if (!cell) continue;
      let bar = element.querySelector<HTMLElement>(":scope > .phx-edit-bar");
      if (!bar) {
        // The cell's id is read at each click: a cell without an id attribute is renumbered as cells move.
        const id = () => Number(element.dataset.cellId) as CellId;
        bar = cellBar(
          cell.mode,
          (action) => act(id(), action),
          (mode) => changeMode(id(), mode)
        );
        element.prepend(bar);
      }
      showMode(bar, cell.mode);
    }
    for (const [id, editor] of editors) {
      const cell = cells.get(id);
      if (!cell) {
        editor.destroy();
        editors.delete(id);
        continue;
      }
      editor.sourceChanged(cell.source);
      editor.setMode(cell.mode);
      editor.showError(syntaxError(page.cells.find((c) => c.cell.id === id)));
      const bar = cellElement(id)?.querySelector(":scope > .phx-edit-bar");
      if (bar && bar.nextElementSibling !== editor.element) bar.after(editor.element);
    }
    status.show(state, session.canUndo);
  }

  // `text`: what the editor opens with, when not the cell's source (a deleted cell's, back by undo; not focused).
  function toggleEditor(id: CellId, open = !editors.has(id), text?: string): void {
    const cell = session.cell(id);
    const existing = editors.get(id);
    if (!open || !cell) {
      existing?.destroy();
      editors.delete(id);
      return;
    }
    if (existing) return existing.focus();
    const editor = new CellEditor({
      source: cell.source,
      ...(text === undefined ? {} : {text}),
      mode: cell.mode,
      // Its cell's id now (see renumbered).
      run: (text) => {
        const current = [...editors].find(([, e]) => e === editor)?.[0];
        if (current !== undefined) session.run(current, text);
      }
    });
    editors.set(id, editor);
    decorate();
    if (text === undefined) editor.focus();
  }

  function act(id: CellId, action: CellAction): void {
    const cells = session.cells;
    const index = cells.findIndex((cell) => cell.id === id);
    if (index < 0) return;
    switch (action) {
      case "edit":
        return toggleEditor(id);
      case "run":
        return session.run(id, editors.get(id)?.text ?? cells[index]!.source);
      case "stop":
        return void page.interrupt(id);
      case "above":
      case "below": {
        const cell: Cell = {
          id: session.freshId(),
          mode: cells[index]!.mode,
          source: "",
          pinned: false,
          line: 1
        };
        session.add(cell, action === "above" ? index : index + 1);
        return toggleEditor(cell.id, true);
      }
      case "up":
      case "down": {
        const to = action === "up" ? index - 1 : index + 1;
        if (to < 0 || to >= cells.length) return;
        session.move(id, to);
        // Moving its element took the focus off the button: it stays on it, for the next press. By place, as
        // a cell without an id attribute has another one now.
        return focusButton(session.cells[to]?.id, action);
      }
      case "delete":
        session.delete(id, editors.get(id)?.text);
        // The cell that took its place, else the one before it, else the Undo button.
        return focusButton(session.cells[index]?.id ?? session.cells[index - 1]?.id, "edit");
    }
  }

  function focusButton(id: CellId | undefined, action: CellAction): void {
    const button =
      id === undefined
        ? null
        : cellElement(id)?.querySelector<HTMLElement>(`:scope > .phx-edit-bar [data-action=${action}]`);
    (button ?? status.undoButton).focus();
  }

  function undo(): void {
    const undone = session.undo();
    // A deleted cell's editor comes back with what it held (typed, maybe not run).
    if (undone?.editor !== undefined) toggleEditor(undone.id, true, undone.editor);
  }

  function changeMode(id: CellId, mode: CellMode): void {
    session.setMode(id, mode);
  }

  // Ctrl/Cmd-S: what the open editors hold runs (one update for all), then the page's text is saved.
  function saveAll(): void {
    const edited = session.cells.map((cell) => {
      const editor = editors.get(cell.id);
      return editor?.dirty ? {...cell, source: editor.text} : cell;
    });
    if (edited.some((cell, i) => cell !== session.cells[i])) session.commit(edited);
    else void session.save();
  }

  // The notebook is marked readonly: the page becomes what a fresh load of it is, a page without editing.
  function stop(): void {
    for (const editor of editors.values()) editor.destroy();
    editors.clear();
    for (const bar of page.container.querySelectorAll(".phx-edit-bar")) bar.remove();
    document.removeEventListener("keydown", keydown);
  }

  function keydown(event: KeyboardEvent): void {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === "s") {
      event.preventDefault();
      saveAll();
    } else if (key === "z" && !event.shiftKey && !isEditable(event.target)) {
      event.preventDefault();
      undo();
    }
  }

  document.addEventListener("keydown", keydown);

  decorate();
  return {receive: (update) => session.receive(update)};
}

/** A cell's syntax error, at its line and column within the cell's source (the error's are the file's). */
function syntaxError(compiled: CompiledCell | undefined): SourceError | null {
  const error = compiled?.error;
  if (!compiled || !error || error.kind !== "syntax") return null;
  const line = error.line - compiled.cell.line + 1;
  if (error.column === undefined) return {line, message: error.message};
  return {line, column: error.column - columnsBefore(compiled.cell, line), message: error.message};
}

// Inside an input, a text area or an editor, Ctrl-Z is theirs.
function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}
