import {RangeSet, StateEffect, StateField, type EditorState, type Extension} from "@codemirror/state";
import {Decoration, EditorView, gutter, GutterMarker} from "@codemirror/view";

/** A syntax error in an editor's text: 1-based line (of the cell's source) and column. */
export interface SourceError {
  readonly line: number;
  readonly column?: number;
  readonly message: string;
}

/** Sets (or, with null, clears) the error an editor marks. */
export const setSourceError = StateEffect.define<SourceError | null>();

const errorField = StateField.define<SourceError | null>({
  create: () => null,
  update: (error, transaction) =>
    transaction.effects.reduce((value, effect) => (effect.is(setSourceError) ? effect.value : value), error)
});

class ErrorMarker extends GutterMarker {
  constructor(readonly error: SourceError) {
    super();
  }
  override toDOM(): Node {
    const mark = document.createElement("span");
    mark.className = "cm-phx-error-marker";
    mark.textContent = "●";
    mark.title = this.error.message;
    return mark;
  }
}

// Where the error is in the text now, or null when the text no longer has that line (it was edited away).
function place(state: EditorState, error: SourceError | null) {
  if (!error || error.line < 1 || error.line > state.doc.lines) return null;
  const line = state.doc.line(error.line);
  const at = Math.min(line.to, line.from + Math.max(0, (error.column ?? 1) - 1));
  return {line, at};
}

/**
 * Marks a syntax error as the page shows it in the cell: a dot in the gutter beside the line (its title the
 * message), the line tinted, the character at the column underlined.
 */
export function errorMarks(): Extension {
  return [
    errorField,
    gutter({
      class: "cm-phx-error-gutter",
      markers: (view) => {
        const error = view.state.field(errorField);
        const where = place(view.state, error);
        return where && error ? RangeSet.of([new ErrorMarker(error).range(where.line.from)]) : RangeSet.empty;
      },
      lineMarkerChange: (update) =>
        update.transactions.some((t) => t.effects.some((e) => e.is(setSourceError)))
    }),
    EditorView.decorations.compute([errorField, "doc"], (state) => {
      const where = place(state, state.field(errorField));
      if (!where) return Decoration.none;
      const {line, at} = where;
      const marks = [Decoration.line({class: "cm-phx-error-line"}).range(line.from)];
      if (at < line.to) marks.push(Decoration.mark({class: "cm-phx-error-at"}).range(at, at + 1));
      return Decoration.set(marks);
    })
  ];
}
