import {copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {basename, dirname, join, resolve, sep} from "node:path";
import {build, type LogLevel} from "vite";
import {NotebookFormatError} from "../notebook/errors.ts";
import {parseNotebook} from "../notebook/parse.ts";
import type {Notebook} from "../notebook/types.ts";
import {findAttachments, type Attachment} from "./attachments.ts";
import {bakeSite, writeBakes, type BakeOptions, type SiteBakes} from "./bake-site.ts";
import {BuildError, InputRefused, OutputRefused} from "./build-error.ts";
import {openOutput, publish, resolvedPath} from "./build-output.ts";
import {FAVICON_FILES, faviconSource} from "./favicon.ts";
import {indexPage} from "./index-page.ts";
import {loaderAttachments} from "./loader-outputs.ts";
import {pageMeta} from "./page-meta.ts";
import {pagePolicy} from "./page-policy.ts";
import {isNotebookHtml, listHtmlFiles, type NotebookFile} from "./notebooks.ts";
import {notebookPlugin} from "./plugin.ts";
import {providerOrigins} from "./provider-origins.ts";
import {bundleGraphPlugins, type BundleGraph} from "./single-file/bundle-graph.ts";
import {pageUse} from "./single-file/page-use.ts";
import {RUNTIME_LAZY_MODULES} from "./single-file/runtime-modules.ts";
import {writeSingleFiles, type SingleFileOptions} from "./single-file/single-file-site.ts";

/** Options of buildSite. */
export interface BuildSiteOptions {
  /** A notebook file, or a directory whose notebooks (searched recursively) all become pages. */
  readonly input: string;
  /**
   * Where the site is written; created when missing. It must be empty or hold a previous build (whose files,
   * listed in its `.phoenix-notebook-build.json`, are replaced); any other file in it is left untouched.
   */
  readonly outDir: string;
  /** Build into a non-empty folder that is no previous build, overwriting files that are not ours. Default: false. */
  readonly force?: boolean;
  /** Vite's console output. Default: "warn". */
  readonly logLevel?: LogLevel;
  /** Modules of NotebookPlugins every page loads (absolute paths; see NotebookPluginOptions). Default: none. */
  readonly pagePlugins?: readonly string[];
  /**
   * Compile the cells now, so that the pages ship no parser (false: each page compiles its cells with the
   * parser, as a dev server's page does; bench/publish compares the two). Default: true.
   */
  readonly compileAhead?: boolean;
  /**
   * Run each notebook headless first and bake its expensive cells' values into the site (see bakeSite).
   * Default: none baked.
   */
  readonly bake?: BakeOptions;
  /**
   * Write each notebook as one self-contained HTML file (scripts, styles, wasm, workers, attachments and
   * baked values inlined) that opens from `file://`, and nothing else. Default: a site of files.
   */
  readonly singleFile?: SingleFileOptions;
}

/** What a build wrote, relative to the output directory. */
export interface BuiltSite {
  readonly pages: readonly string[];
  /** The generated index page: for a directory, unless a notebook of its own is index.html; never for singleFile. */
  readonly index?: string;
  /** The FileAttachment files copied next to the pages, and the data loaders' outputs (`_loaders/…`). */
  readonly files: readonly string[];
  /** The baked values' Arrow files (`x.bake/15.arrow`). */
  readonly baked: readonly string[];
  /** HTML files of a directory skipped as no notebook, then cells marked `bake` that could not be baked, and why. */
  readonly warnings: readonly string[];
}

export {BuildError, InputRefused, OutputRefused};
export {SingleFileTooLarge} from "./single-file/single-file-site.ts";

/**
 * Builds a static site: one page per notebook with bundled, relatively linked JS and CSS (so it works from
 * any static file server, in any folder), the files the notebooks attach, the outputs of their data loaders
 * (run now unless cached beside the notebook), and an index for a directory.
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuiltSite> {
  const input = resolve(options.input);
  const outDir = resolve(options.outDir);
  const isDirectory = (await stat(input)).isDirectory();
  const root = isDirectory ? input : dirname(input);
  // Compared with their links resolved: `--out link` where link → the notebooks' folder is that folder.
  const [realRoot, realOut] = await Promise.all([resolvedPath(root), resolvedPath(outDir)]);
  if (realRoot === realOut || realRoot.startsWith(realOut + sep))
    throw new OutputRefused([`--out ${options.outDir} would overwrite the notebooks in ${root}`]);
  // Before the bake (minutes, maybe): a folder that cannot take the build is refused at once.
  const output = await openOutput(outDir, options.outDir, options.force ?? false);
  const files = isDirectory ? await listHtmlFiles(root) : [{path: input, file: basename(input)}];
  const {notebooks, skipped} = await readNotebooks(files, isDirectory);
  if (notebooks.length === 0)
    throw new InputRefused([`no notebooks in ${input}: no .html file in it has a <notebook> element`]);

  const problems: string[] = [];
  const attachments = new Map<string, Attachment>();
  const pageFiles = new Map<string, string[]>(); // a page's attachments and loader outputs, for --single-file
  for (const {file, notebook} of notebooks) {
    const found = await findAttachments(root, file, notebook);
    problems.push(...found.problems.map((problem) => problem.message));
    const loaded = await loaderAttachments(file, notebook);
    problems.push(...loaded.problems);
    for (const attachment of [...found.attachments, ...loaded.attachments])
      attachments.set(attachment.target, attachment);
    pageFiles.set(
      file.file,
      [...found.attachments, ...loaded.attachments].map(({target}) => target)
    );
  }
  if (problems.length > 0) throw new BuildError(problems);
  const bakes = options.bake
    ? await bakeSite(
        notebooks.map(({file}) => file),
        options.bake
      )
    : undefined;
  for (const file of bakes?.files.keys() ?? [])
    if (attachments.has(file)) problems.push(`${file}: both an attachment and a baked value`);
  if (problems.length > 0) throw new BuildError(problems);

  // Built aside first: what the build writes is known (hashed names and all) before the folder is touched.
  const staging = await mkdtemp(join(tmpdir(), "phoenix-notebook-build-"));
  try {
    const graph = await buildInto(
      staging,
      root,
      notebooks,
      attachments.values(),
      isDirectory,
      options.logLevel,
      options.pagePlugins,
      options.compileAhead,
      bakes,
      options.singleFile !== undefined
    );
    if (options.singleFile) {
      const single = await mkdtemp(join(tmpdir(), "phoenix-notebook-single-"));
      try {
        const pages = notebooks.map(({file, notebook}) => ({
          page: file.file,
          files: [...(pageFiles.get(file.file) ?? []), ...bakedFilesOf(bakes, file.file)],
          use: pageUse(notebook, bakes?.manifests.has(file.file) ?? false),
          connect: providerOrigins(notebook)
        }));
        const lazy = [...RUNTIME_LAZY_MODULES, ...(options.singleFile.lazyModules ?? [])];
        if (!graph) throw new Error("the single-file build recorded no bundle graph");
        await writeSingleFiles(pages, staging, single, options.singleFile, {graph, lazy});
        await publish(single, output);
      } finally {
        await rm(single, {recursive: true, force: true});
      }
    } else await publish(staging, output);
  } finally {
    await rm(staging, {recursive: true, force: true});
  }
  return {
    pages: notebooks.map(({file}) => file.file),
    ...(writesIndex(isDirectory, notebooks, options.singleFile !== undefined) ? {index: "index.html"} : {}),
    files: [...attachments.keys()].sort(),
    baked: [...(bakes?.files.keys() ?? [])].sort(),
    warnings: [
      ...skipped.map((file) => `${file}: skipped: not a notebook (no <notebook> element)`),
      ...(bakes?.warnings ?? [])
    ]
  };
}

// The baked files of one page (`x.html` → `x.bake/…`, beside it).
function bakedFilesOf(bakes: SiteBakes | undefined, page: string): string[] {
  const folder = `${page.replace(/\.html$/, "")}.bake/`;
  return [...(bakes?.files.keys() ?? [])].filter((file) => file.startsWith(folder));
}

// The site, written into an empty folder: pages and assets by Vite, then the attachments and the index. For a
// single-file build, also the bundle's graph (which files each chunk loads), from which its pages are cut.
async function buildInto(
  outDir: string,
  root: string,
  notebooks: readonly {file: NotebookFile; notebook: Notebook}[],
  attachments: Iterable<Attachment>,
  isDirectory: boolean,
  logLevel: LogLevel = "warn",
  pagePlugins: readonly string[] = [],
  compileAhead = true,
  bakes?: SiteBakes,
  singleFile = false
): Promise<BundleGraph | undefined> {
  const recorder = singleFile ? bundleGraphPlugins() : undefined;
  const refused: string[] = [];
  const bundled = build({
    configFile: false,
    root,
    base: "./",
    logLevel,
    plugins: [
      notebookPlugin({
        root,
        pagePlugins,
        compileAhead,
        ...(bakes ? {bakes: bakes.manifests} : {}),
        ...(singleFile ? {workerFormat: "iife" as const, preloadBakes: false} : {}),
        onRefused: (message) => refused.push(message)
      }),
      ...(recorder ? [recorder.main] : [])
    ],
    ...(recorder ? {worker: {plugins: () => [recorder.worker()]}} : {}),
    build: {
      outDir,
      emptyOutDir: false, // a fresh folder already
      chunkSizeWarningLimit: 4096, // the builtins (d3, Plot, Arrow, Inputs) are bundled by design: no CDN
      rolldownOptions: {input: notebooks.map(({file}) => file.path)}
    }
  });
  // What the notebooks' modules import from outside their folder, or a dotfile: the build is thrown away (and
  // an error the stand-ins caused, an export the importer asked of one, says less than the refusals).
  await bundled.catch((error: unknown) => {
    if (refused.length === 0) throw error;
  });
  if (refused.length > 0) throw new BuildError(refused);
  // The site's icon first: a file the notebooks attach under the same name replaces it.
  for (const name of FAVICON_FILES) await copyFile(faviconSource(name), join(outDir, name));
  for (const {source, target} of attachments) {
    const destination = join(outDir, ...target.split("/"));
    await mkdir(dirname(destination), {recursive: true});
    await copyFile(source, destination);
  }
  if (bakes) await writeBakes(outDir, bakes);
  if (writesIndex(isDirectory, notebooks, singleFile)) {
    const entries = notebooks.map(({file, notebook}) => ({href: file.file, ...pageMeta(notebook)}));
    await writeFile(
      join(outDir, "index.html"),
      indexPage(entries, {policy: pagePolicy(), favicon: "favicon.svg"})
    );
  }
  return recorder?.graph;
}

// Whether the build writes a list of the notebooks as index.html: for a directory, unless it has a notebook of its
// own named index.html (Notebook Kit's docs/index.html), the folder's front page, which the list would overwrite;
// never for --single-file, which writes the pages and nothing else.
function writesIndex(
  isDirectory: boolean,
  notebooks: readonly {file: NotebookFile}[],
  singleFile: boolean
): boolean {
  return isDirectory && !singleFile && !notebooks.some(({file}) => file.file === "index.html");
}

// In a directory, HTML files without a <notebook> are not notebooks and are skipped (their page paths are
// returned, for a note); a named file must be one.
async function readNotebooks(
  files: readonly NotebookFile[],
  isDirectory: boolean
): Promise<{notebooks: {file: NotebookFile; notebook: Notebook}[]; skipped: string[]}> {
  const notebooks: {file: NotebookFile; notebook: Notebook}[] = [];
  const skipped: string[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const html = await readFile(file.path, "utf8");
    if (!isNotebookHtml(html)) {
      if (!isDirectory) throw new InputRefused([`${file.file}: not a notebook (no <notebook> element)`]);
      skipped.push(file.file);
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
  return {notebooks, skipped};
}
