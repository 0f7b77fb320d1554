import {copyFile, mkdir, readFile, rm, stat, writeFile} from "node:fs/promises";
import {basename, dirname, join, resolve, sep} from "node:path";
import {build, type LogLevel} from "vite";
import {NotebookFormatError} from "../notebook/errors.ts";
import {parseNotebook} from "../notebook/parse.ts";
import type {Notebook} from "../notebook/types.ts";
import {findAttachments, type Attachment} from "./attachments.ts";
import {indexPage} from "./index-page.ts";
import {isNotebookHtml, listHtmlFiles, type NotebookFile} from "./notebooks.ts";
import {notebookPlugin} from "./plugin.ts";

/** Options of buildSite. */
export interface BuildSiteOptions {
  /** A notebook file, or a directory whose notebooks (searched recursively) all become pages. */
  readonly input: string;
  /** Where the site is written; created when missing. Its `assets/` folder is replaced. */
  readonly outDir: string;
  /** Vite's console output. Default: "warn". */
  readonly logLevel?: LogLevel;
}

/** What a build wrote, relative to the output directory. */
export interface BuiltSite {
  readonly pages: readonly string[];
  /** The index page, when the input was a directory. */
  readonly index?: string;
  /** The FileAttachment files copied next to the pages. */
  readonly files: readonly string[];
}

/** Why a site was not built: one line per problem, each naming the notebook (and the line, when known). */
export class BuildError extends Error {
  override readonly name = "BuildError";
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
  }
}

/**
 * Builds a static site: one page per notebook with bundled, relatively linked JS and CSS (so it works from
 * any static file server, in any folder), the files the notebooks attach, and an index for a directory.
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuiltSite> {
  const input = resolve(options.input);
  const outDir = resolve(options.outDir);
  const isDirectory = (await stat(input)).isDirectory();
  const root = isDirectory ? input : dirname(input);
  if (root === outDir || root.startsWith(outDir + sep))
    throw new BuildError([`--out ${options.outDir} would overwrite the notebooks in ${root}`]);
  const files = isDirectory ? await listHtmlFiles(root) : [{path: input, file: basename(input)}];
  const notebooks = await readNotebooks(files, isDirectory);
  if (notebooks.length === 0) throw new BuildError([`no notebooks in ${input}`]);

  const problems: string[] = [];
  const attachments = new Map<string, Attachment>();
  for (const {file, notebook} of notebooks) {
    const found = await findAttachments(root, file, notebook);
    problems.push(...found.problems.map((problem) => problem.message));
    for (const attachment of found.attachments) attachments.set(attachment.target, attachment);
  }
  if (problems.length > 0) throw new BuildError(problems);

  await rm(join(outDir, "assets"), {recursive: true, force: true}); // hashed names: old ones would pile up
  await build({
    configFile: false,
    root,
    base: "./",
    logLevel: options.logLevel ?? "warn",
    plugins: [notebookPlugin({root})],
    build: {
      outDir,
      emptyOutDir: false, // the output may hold more than this build wrote; never wipe a user's folder
      chunkSizeWarningLimit: 4096, // the builtins (d3, Plot, Arrow, Inputs) are bundled by design: no CDN
      rolldownOptions: {input: notebooks.map(({file}) => file.path)}
    }
  });
  for (const {source, target} of attachments.values()) {
    const destination = join(outDir, ...target.split("/"));
    await mkdir(dirname(destination), {recursive: true});
    await copyFile(source, destination);
  }
  const pages = notebooks.map(({file}) => file.file);
  let index: string | undefined;
  if (isDirectory) {
    const entries = notebooks.map(({file, notebook}) => ({href: file.file, title: notebook.title}));
    await writeFile(join(outDir, (index = "index.html")), indexPage(entries));
  }
  return {pages, ...(index ? {index} : {}), files: [...attachments.keys()].sort()};
}

// In a directory, HTML files without a <notebook> are not notebooks and are skipped; a named file must be one.
async function readNotebooks(
  files: readonly NotebookFile[],
  isDirectory: boolean
): Promise<{file: NotebookFile; notebook: Notebook}[]> {
  const notebooks: {file: NotebookFile; notebook: Notebook}[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const html = await readFile(file.path, "utf8");
    if (!isNotebookHtml(html)) {
      if (!isDirectory) problems.push(`${file.file}: not a notebook (no <notebook> element)`);
      continue;
    }
    try {
      notebooks.push({file, notebook: parseNotebook(html, file.file)});
    } catch (error) {
      if (!(error instanceof NotebookFormatError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new BuildError(problems);
  return notebooks;
}
