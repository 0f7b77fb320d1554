import {sqlFileNames} from "../sql/sql-files.ts";
import {realpath, stat} from "node:fs/promises";
import {join, posix} from "node:path";
import {compileCell} from "../compile/compile-cell.ts";
import type {Notebook} from "../notebook/types.ts";
import {isInside} from "./is-inside.ts";
import type {NotebookFile} from "./notebooks.ts";

/** A file a notebook reads with `FileAttachment(name)`, to copy next to its page. */
export interface Attachment {
  /** Absolute real path of the file (symbolic links resolved): inside the notebook directory. */
  readonly source: string;
  /** Path relative to the notebook directory (and so to the built site), with `/` separators. */
  readonly target: string;
}

/** What keeps a notebook from building, naming the notebook, the cell's line and the file. */
export interface AttachmentProblem {
  readonly message: string;
}

/**
 * The files each FileAttachment of `notebook` names, resolved like the page resolves them (relative to the
 * notebook file), and the problems: a missing file, a URL, a dotfile, or a path that leaves the notebook
 * directory, by `..` or by a symbolic link.
 */
export async function findAttachments(
  root: string,
  {file}: NotebookFile,
  notebook: Notebook
): Promise<{attachments: Attachment[]; problems: AttachmentProblem[]}> {
  const attachments: Attachment[] = [];
  const problems: AttachmentProblem[] = [];
  const realRoot = await realpath(root);
  for (const cell of notebook.cells) {
    const compiled = compileCell(cell);
    // A SQL cell's quoted names that end like a data file are guesses (a glob, a string compared in a WHERE):
    // one that names no file is no attachment, and the query says so if it needed it.
    const guessed = new Set(cell.mode === "sql" ? sqlFileNames(cell.source) : []);
    for (const name of compiled.fileAttachments) {
      const line = cell.line + lineOffset(cell.source, name);
      const where = `${file}:${line}${compiled.name === null ? "" : ` (cell ${compiled.name})`}`;
      const problem = (why: string) => problems.push({message: `${where}: FileAttachment("${name}") ${why}`});
      if (/^[a-z][\w+.-]*:/i.test(name) || name.startsWith("/")) {
        problem("is not a path relative to the notebook; a static site cannot copy it");
        continue;
      }
      const target = posix.normalize(posix.join(posix.dirname(file), name));
      if (target.startsWith("../")) {
        problem("is outside the notebook directory");
        continue;
      }
      if (target.split("/").some((segment) => segment.startsWith("."))) {
        problem("is a dotfile; dotfiles are never published"); // nor served: see served-path.ts
        continue;
      }
      const path = join(root, ...target.split("/"));
      const stats = await stat(path).catch(() => undefined);
      if (!stats?.isFile()) {
        if (!guessed.has(name)) problem(`not found (looked at ${path})`);
        continue;
      }
      // A link may lead anywhere (a `data` link to /etc would publish the password file): its real path counts.
      const source = await realpath(path);
      if (!isInside(realRoot, source)) problem(`is a link to ${source}, outside the notebook directory`);
      else attachments.push({source, target});
    }
  }
  return {attachments, problems};
}

// The line within the cell where the name is written, so the error points at the FileAttachment call.
function lineOffset(source: string, name: string): number {
  const index = source.indexOf(name);
  return index < 0 ? 0 : source.slice(0, index).split("\n").length - 1;
}
