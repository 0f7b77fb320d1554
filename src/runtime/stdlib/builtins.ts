import type {FileAttachmentFactory} from "./file-attachment.ts";
import * as Generators from "./generators/index.ts";
import {MutableBuiltin} from "./mutable.ts";
import * as Promises from "./promises/index.ts";
import {pluginBuiltins, type NotebookPlugin, type PluginContext} from "../plugin.ts";
import {worker} from "./worker.ts";
import {display, view} from "./display.ts";
import {Files} from "./files.ts";
import {visibility} from "./visibility.ts";
import {pageImporter, type ImportModule} from "./import-module.ts";
import {createRequire, type BundledLibrary} from "./require.ts";
import {DATA_LOADER_BUILTIN, type DataLoader} from "../loaders/loader-cell.ts";
import type {SqlEngine} from "../sql/database.ts";
import {SQL_BUILTIN, sqlBuiltin} from "../sql/sql-builtin.ts";

/** The names every cell sees (besides those plugins add), in the order createBuiltins defines them. */
export const BUILTIN_NAMES = [
  "Plot",
  "d3",
  "Inputs",
  "html",
  "svg",
  "md",
  "tex",
  "dot",
  "Arrow",
  "FileAttachment",
  "Files",
  "width",
  "now",
  "Generators",
  "Promises",
  "Mutable",
  "worker",
  "display",
  "view",
  "visibility",
  "__import__",
  "require",
  "DOM"
] as const;

export type BuiltinName = (typeof BUILTIN_NAMES)[number];

/** Options of createBuiltins. */
export interface BuiltinsOptions {
  /** The `FileAttachment` builtin, resolving names relative to the notebook (see createFileAttachment). */
  fileAttachment: FileAttachmentFactory;
  /** `width`: a constant in pixels, or the element whose content width it follows. Default: 640 in Node
   * (so headless Plot output is deterministic), else the page's <main> element or, without one, <body>. */
  width?: number | Element;
  /** Milliseconds between values of `now`. Default: every animation frame in a browser, 1000 in Node. */
  nowInterval?: number;
  /**
   * How a JavaScript cell's `import` loads a module (`__import__`). Default: relative to the page (a page), or
   * relative to the working directory (Node); the runner passes nodeImporter(notebook path).
   */
  importModule?: ImportModule;
  /** Plugins whose builtins join these (Phoenix's `px` and `phx`, from src/bindings). Default: none. */
  plugins?: readonly NotebookPlugin[];
  /** What the plugins are told of where the notebook runs. Default: a page (no notebook path). */
  pluginContext?: PluginContext;
  /**
   * Installs a DOM where there is none, awaited before a builtin that needs one (Plot, d3, Inputs, html, svg,
   * md, tex, dot) is first given to a cell; plugins get it as PluginContext.dom. Default: none (a page has
   * its DOM).
   */
  dom?: () => Promise<unknown>;
  /**
   * Gives a data loader cell (Node or Python) its value: the runner runs the interpreter (nodeDataLoader), a
   * page reads the output the server published (pageDataLoader). Default: none, and such cells fail with
   * "data loader is not defined".
   */
  dataLoader?: DataLoader;
  /**
   * Starts the DuckDB that SQL cells query, when the first one runs: node-api in the runner (createDuckDB), the
   * self-hosted duckdb-wasm in a page. Each call opens a new database. It also makes `DuckDBClient` (each
   * `DuckDBClient.of` opens its own). Default: none, and SQL cells fail with "sql cell is not defined".
   */
  sqlEngine?: () => Promise<SqlEngine>;
  /**
   * Loads a library's stylesheet into the page, awaited before its builtin is first given to a cell (KaTeX's
   * CSS and fonts, for `tex`): a page imports it so that the bundler ships it. Default: none (Node has no page).
   */
  styles?: Readonly<Partial<Record<StyledLibrary, () => Promise<unknown>>>>;
  /**
   * The `Plot` and `d3` builtins as a build trimmed them: modules re-exporting only the names the page's cells
   * read (compile/library-members.ts), so that the bundler drops the rest. `require` still gives the whole
   * packages. Default: the whole packages.
   */
  trimmed?: Readonly<Partial<Record<"Plot" | "d3", () => Promise<Record<string, unknown>>>>>;
}

/** The libraries whose output needs a stylesheet of theirs. */
export type StyledLibrary = "katex";

// Node (the headless runner) has no layout to follow and no frames to pace `now` by.
const inNode = typeof process === "object" && typeof process.versions?.node === "string";

/**
 * The builtins object handed to `new Runtime(builtins)` (or NotebookRuntime). The runtime calls each
 * function-valued builtin as the variable's definition, once and only when a cell first references it, so
 * the libraries (bundled from npm, never a CDN, so that pages work offline) are imported then: a notebook
 * pays only for those it uses. Values that are functions or classes are wrapped as `() => value`; `now` and
 * `width` are definitions returning generators. `worker` is a CellScoped object, which NotebookRuntime
 * creates per referencing cell.
 */
export function createBuiltins(
  options: BuiltinsOptions
): Readonly<Record<BuiltinName, unknown> & Record<string, unknown>> {
  const {
    fileAttachment,
    width = inNode ? 640 : undefined,
    nowInterval = inNode ? 1000 : undefined,
    plugins = [],
    pluginContext = {},
    dom,
    styles = {},
    importModule = pageImporter,
    dataLoader,
    sqlEngine,
    trimmed = {}
  } = options;
  const withDom =
    <T>(load: () => Promise<T>) =>
    async () => {
      await dom?.();
      return load();
    };
  // The libraries every notebook has, by package name: the builtins below, and what `require` gives for them.
  const libraries: Readonly<Record<BundledLibrary, () => Promise<Record<string, unknown>>>> = {
    "@observablehq/plot": withDom(() => import("@observablehq/plot")),
    d3: withDom(() => import("d3")),
    "@observablehq/inputs": withDom(() => import("@observablehq/inputs")),
    htl: withDom(() => import("htl")),
    "apache-arrow": () => import("apache-arrow")
  };
  return {
    Plot: trimmed.Plot ? withDom(trimmed.Plot) : libraries["@observablehq/plot"],
    d3: trimmed.d3 ? withDom(trimmed.d3) : libraries.d3,
    Inputs: libraries["@observablehq/inputs"],
    html: async () => (await libraries.htl()).html,
    svg: async () => (await libraries.htl()).svg,
    md: withDom(async () => (await import("./md.ts")).md),
    tex: withDom(async () => {
      await styles.katex?.();
      return (await import("./tex.ts")).createTex();
    }),
    dot: withDom(async () => (await import("./dot.ts")).createDot()),
    Arrow: libraries["apache-arrow"],
    FileAttachment: () => fileAttachment,
    Files: () => Files,
    width:
      typeof width === "number"
        ? () => width
        : () => Generators.width(width ?? document.querySelector("main") ?? document.body),
    now: () => Generators.now(nowInterval),
    Generators: () => Generators,
    Promises: () => Promises,
    Mutable: () => MutableBuiltin,
    worker,
    display,
    view,
    visibility,
    __import__: () => importModule,
    require: () => createRequire(importModule, libraries),
    DOM: withDom(() => import("./dom.ts")),
    ...pluginBuiltins(plugins, dom ? {...pluginContext, dom} : pluginContext),
    // Under a name with a space, which no cell can write: only loader cells reach it (compile/loader-cell.ts).
    ...(dataLoader ? {[DATA_LOADER_BUILTIN]: () => dataLoader} : {}),
    // Cell-scoped, so that each run's query stops with the run; also under a name no cell can write.
    ...(sqlEngine ? {[SQL_BUILTIN]: sqlBuiltin(once(sqlEngine))} : {}),
    // Notebook Kit's DuckDBClient: its module (and the engine's) loads only when a cell names it.
    ...(sqlEngine
      ? {DuckDBClient: () => import("../sql/duckdb-client.ts").then((m) => m.duckDBClientClass(sqlEngine))}
      : {})
  };
}

// One engine per notebook, started by the first SQL cell: the files it registers stay for the next queries.
function once<T>(start: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | undefined;
  return () => (started ??= start());
}
