import {defaultKeymap, history, historyKeymap, indentWithTab} from "@codemirror/commands";
import {bracketMatching, indentOnInput} from "@codemirror/language";
import {Compartment, EditorState, Prec} from "@codemirror/state";
import {drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers} from "@codemirror/view";
import {dedent} from "../../notebook/parse.ts";
import type {CellMode} from "../../notebook/types.ts";
import {errorMarks, setSourceError, type SourceError} from "./error-marks.ts";
import {pageTheme} from "./page-theme.ts";
import {languageOf} from "./languages.ts";

/** Options of CellEditor. */
export interface CellEditorOptions {
  /** The cell's source as it runs now. */
  readonly source: string;
  /** The text the editor opens with (edits not run yet). Default: `source`. */
  readonly text?: string;
  readonly mode: CellMode;
  /** Shift-Enter: run the cell with the editor's text. */
  readonly run: (text: string) => void;
}

/** A cell's source in a CodeMirror editor, with its own undo history; Shift-Enter runs it. */
export class CellEditor {
  readonly element: HTMLElement;
  readonly #view: EditorView;
  readonly #language = new Compartment();
  #source: string;

  constructor(options: CellEditorOptions) {
    this.#source = options.source;
    this.element = document.createElement("div");
    this.element.className = "phx-editor";
    const run = (view: EditorView) => (options.run(view.state.doc.toString()), true);
    this.#view = new EditorView({
      parent: this.element,
      state: EditorState.create({
        doc: options.text ?? options.source,
        extensions: [
          // Ctrl/Cmd-S is the page's (start-editing.ts), in an editor or not.
          Prec.highest(keymap.of([{key: "Shift-Enter", run}])),
          lineNumbers(),
          errorMarks(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          indentOnInput(),
          bracketMatching(),
          pageTheme,
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          this.#language.of(languageOf(options.mode)),
          EditorView.lineWrapping
        ]
      })
    });
  }

  /** The editor's text. */
  get text(): string {
    return this.#view.state.doc.toString();
  }

  /**
   * Whether the text differs from the cell's source (edits not run yet), as the file would hold them: a blank
   * line typed at the end, or an indent common to every line, is gone once the file is read back, and an editor
   * that differs only by those is clean (else it stayed dirty for good, and every text editor's save of the
   * file was a conflict).
   */
  get dirty(): boolean {
    return asWritten(this.text) !== asWritten(this.#source);
  }

  /**
   * The cell's source changed (it ran, or the file's version came in): an editor without edits of its own
   * shows the new source; one with edits keeps them.
   */
  sourceChanged(source: string): void {
    const clean = !this.dirty;
    this.#source = source;
    if (clean && asWritten(this.text) !== asWritten(source))
      this.#view.dispatch({changes: {from: 0, to: this.#view.state.doc.length, insert: source}});
  }

  setMode(mode: CellMode): void {
    this.#view.dispatch({effects: this.#language.reconfigure(languageOf(mode))});
  }

  /** Marks the cell's syntax error, or clears the mark. */
  showError(error: SourceError | null): void {
    this.#view.dispatch({effects: setSourceError.of(error)});
  }

  focus(): void {
    this.#view.focus();
  }

  destroy(): void {
    this.#view.destroy();
    this.element.remove();
  }
}

// A source as the notebook file gives it back (see parse.ts's dedent).
function asWritten(text: string): string {
  return dedent(text).source;
}
