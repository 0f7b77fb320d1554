import type {Notebook} from "../notebook/types.ts";

/** What a page tells link previews and the index about its notebook. */
export interface PageMeta {
  /** The notebook's <title>, else its first Markdown heading, else "Untitled". */
  readonly title: string;
  /** The first paragraph of its Markdown, as plain text (at most DESCRIPTION_LENGTH characters); "" if none. */
  readonly description: string;
}

/** The longest description kept, in characters: link previews cut near here anyway. */
export const DESCRIPTION_LENGTH = 200;

/**
 * The title and description of a notebook's page, read from its Markdown cells: the first heading (when the
 * file has no <title>) and the first paragraph that is no heading. An interpolation (`${…}`) has no value
 * before the page runs: it reads as "…".
 */
export function pageMeta(notebook: Notebook): PageMeta {
  let heading: string | undefined;
  let paragraph: string | undefined;
  for (const cell of notebook.cells) {
    if (cell.mode !== "md") continue;
    for (const block of cell.source.split(/\n\s*\n/)) {
      const text = block.trim();
      if (!text) continue;
      const match = /^#{1,6}\s+(.*)$/.exec(text.split("\n")[0]!);
      if (match) heading ??= plainText(match[1]!);
      else if (!/^(```|~~~|<|[-*+] |\d+\. |>|\||\$\$)/.test(text)) paragraph ??= plainText(text);
      if (paragraph !== undefined) break;
    }
    if (paragraph !== undefined) break;
  }
  const explicit = notebook.title !== "Untitled" ? notebook.title : undefined;
  return {title: explicit ?? heading ?? "Untitled", description: truncate(paragraph ?? "")};
}

// Markdown inline syntax down to its text: links and images to their text, emphasis and code marks dropped.
function plainText(markdown: string): string {
  return markdown
    .replace(/\$\{[^}]*\}/g, "…")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]*>/g, "")
    .replace(/(\*\*|__|\*|`)/g, "") // not a lone `_`, which names hold (body_mass_g)
    .replace(/\s+/g, " ")
    .trim();
}

function truncate(text: string): string {
  if (text.length <= DESCRIPTION_LENGTH) return text;
  const cut = text.slice(0, DESCRIPTION_LENGTH - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > DESCRIPTION_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}
