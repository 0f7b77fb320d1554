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

// Markdown inline syntax down to its text: interpolations to "…", links and images to their text, HTML tags
// and emphasis and code marks dropped, entities decoded (the page escapes the text once, as it writes it).
function plainText(markdown: string): string {
  return decodeEntities(
    withoutInterpolations(markdown)
      // A link's URL may hold one level of parentheses (Wikipedia's "Foo_(bar)").
      .replace(/!?\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, "$1")
      // Tags only: "a < b and c > d" is text.
      .replace(/<\/?[A-Za-z][^<>]*>/g, "")
      .replace(/(\*\*|__|\*|`)/g, "") // not a lone `_`, which names hold (body_mass_g)
  )
    .replace(/\s+/g, " ")
    .trim();
}

/** Each `${…}` as "…", its braces counted: an interpolation may hold objects, blocks and nested templates. */
function withoutInterpolations(text: string): string {
  let out = "";
  for (let i = 0; i < text.length;) {
    if (!text.startsWith("${", i)) {
      out += text[i++];
      continue;
    }
    let depth = 0;
    let j = i + 1;
    for (; j < text.length; ++j) {
      if (text[j] === "{") ++depth;
      else if (text[j] === "}" && --depth === 0) break;
    }
    out += "…";
    i = j + 1;
  }
  return out;
}

const ENTITIES: Record<string, string> = {amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " "};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity: string, name: string) => {
    if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? entity;
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

function truncate(text: string): string {
  if (text.length <= DESCRIPTION_LENGTH) return text;
  const cut = text.slice(0, DESCRIPTION_LENGTH - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > DESCRIPTION_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}
