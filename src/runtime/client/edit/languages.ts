import {javascript} from "@codemirror/lang-javascript";
import {html} from "@codemirror/lang-html";
import {markdown} from "@codemirror/lang-markdown";
import type {Extension} from "@codemirror/state";
import {Decoration, MatchDecorator, ViewPlugin, type DecorationSet, type ViewUpdate} from "@codemirror/view";
import type {EditorView} from "@codemirror/view";
import type {CellMode} from "../../notebook/types.ts";

// Observable JavaScript's own words: JavaScript's grammar reads `viewof x = …` as an error, so they are marked
// as keywords instead (no linter runs, so nothing shows them as errors).
const ojsWords = new MatchDecorator({
  regexp: /(?<![\w$.])(viewof|mutable)(?=\s+[A-Za-z_$])/g,
  decoration: Decoration.mark({class: "cm-phx-ojs-keyword"})
});

const ojsKeywords = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = ojsWords.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = ojsWords.updateDeco(update, this.decorations);
    }
  },
  {decorations: (plugin) => plugin.decorations}
);

/** The editor's language for a cell mode: JavaScript (with Observable's words), TypeScript, Markdown, HTML. */
export function languageOf(mode: CellMode): Extension {
  switch (mode) {
    case "ojs":
      return [javascript(), ojsKeywords];
    case "js":
    case "node":
      return javascript();
    case "ts":
      return javascript({typescript: true});
    case "md":
      return markdown();
    case "html":
      return html();
    case "tex":
    case "dot":
    case "sql":
    case "python":
      return [];
  }
}
