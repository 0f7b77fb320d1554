import {HighlightStyle, syntaxHighlighting} from "@codemirror/language";
import type {Extension} from "@codemirror/state";
import {EditorView} from "@codemirror/view";
import {tags} from "@lezer/highlight";

// The editor in the page's colours (page.css variables), so that it follows the reader's colour scheme and its
// text reaches WCAG AA there, as the values below the cells do. CodeMirror's own theme and highlight style are
// for white: its keyword purple (#708) is 1.4:1 on the dark page, its regexp orange 3.65:1 on the active line,
// and its black cursor and pale selection vanish or wash out the text on dark.

const highlightStyle = HighlightStyle.define([
  {tag: tags.meta, color: "var(--phx-muted)"},
  {tag: tags.link, textDecoration: "underline"},
  {tag: tags.heading, textDecoration: "underline", fontWeight: "bold"},
  {tag: tags.emphasis, fontStyle: "italic"},
  {tag: tags.strong, fontWeight: "bold"},
  {tag: tags.strikethrough, textDecoration: "line-through"},
  {tag: tags.keyword, color: "var(--syntax_keyword)"},
  {
    tag: [
      tags.atom,
      tags.bool,
      tags.url,
      tags.contentSeparator,
      tags.labelName,
      tags.typeName,
      tags.namespace
    ],
    color: "var(--syntax_atom)"
  },
  {tag: [tags.literal, tags.inserted], color: "var(--syntax_number)"},
  {tag: [tags.string, tags.deleted], color: "var(--syntax_string)"},
  {tag: [tags.regexp, tags.escape, tags.special(tags.string)], color: "var(--phx-syntax-regexp)"},
  {
    tag: [
      tags.definition(tags.variableName),
      tags.className,
      tags.special(tags.variableName),
      tags.macroName
    ],
    color: "var(--syntax_known_variable)"
  },
  {tag: [tags.local(tags.variableName), tags.definition(tags.propertyName)], color: "var(--syntax_key)"},
  {tag: tags.comment, color: "var(--syntax_comment)"},
  {tag: tags.invalid, color: "var(--phx-syntax-error)"}
]);

const theme = EditorView.theme({
  ".cm-gutters": {
    backgroundColor: "var(--phx-code-background)",
    color: "var(--phx-muted)",
    borderRightColor: "var(--phx-rule)"
  },
  ".cm-activeLine": {backgroundColor: "color-mix(in srgb, var(--phx-accent) 7%, transparent)"},
  ".cm-activeLineGutter": {
    backgroundColor: "color-mix(in srgb, var(--phx-accent) 12%, var(--phx-code-background))"
  },
  ".cm-cursor, .cm-dropCursor": {borderLeftColor: "var(--phx-text)"},
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground": {
    backgroundColor: "color-mix(in srgb, var(--phx-accent) 28%, var(--phx-background))"
  }
});

/** The editor's look: its chrome and its code colours. */
export const pageTheme: Extension = [theme, syntaxHighlighting(highlightStyle, {fallback: true})];
