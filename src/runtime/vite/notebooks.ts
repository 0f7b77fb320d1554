import {readdir, readFile} from "node:fs/promises";
import {join, relative, sep} from "node:path";
import {parseNotebook} from "../notebook/parse.ts";
import type {Notebook} from "../notebook/types.ts";

/** A notebook file of the served directory. */
export interface NotebookFile {
  /** Absolute path. */
  readonly path: string;
  /** Path relative to the served directory, with `/` separators: the page's URL path, e.g. "penguins.html". */
  readonly file: string;
}

/** An HTML file is a notebook when it has a <notebook> element; other pages are left to the static server. */
export function isNotebookHtml(html: string): boolean {
  return /<notebook[\s>]/i.test(html);
}

/** Reads and parses a notebook file; undefined when the file is HTML but no notebook. Throws NotebookFormatError. */
export async function readNotebook(path: string, file: string): Promise<Notebook | undefined> {
  const html = await readFile(path, "utf8");
  return isNotebookHtml(html) ? parseNotebook(html, file) : undefined;
}

/** The `.html` files under `root` (skipping node_modules and dot folders), sorted by path. */
export async function listHtmlFiles(root: string): Promise<NotebookFile[]> {
  const files: NotebookFile[] = [];
  const visit = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, {withFileTypes: true})) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await visit(path);
      else if (entry.isFile() && entry.name.endsWith(".html"))
        files.push({path, file: toPagePath(root, path)});
    }
  };
  await visit(root);
  return files.sort((a, b) => a.file.localeCompare(b.file));
}

/** The page path of a file under `root`: relative, with `/` separators. */
export function toPagePath(root: string, path: string): string {
  return relative(root, path).split(sep).join("/");
}
