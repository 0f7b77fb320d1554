// The page's client module, virtual: the client started with the plugins' page modules and the page's imports.
import {clientEntry} from "./paths.ts";
import {pageCompiler} from "./page-compiler.ts";

/** One module a page's cells import: what Vite resolved it to, or why it could not. */
export interface PageImport {
  readonly specifier: string;
  readonly resolved?: string;
  readonly error?: string;
}

// The page's module script: the client, started with the plugins' page modules. Virtual, so that the runtime
// names no plugin: the command line that composes runtime and plugins says which.
export const CLIENT_MODULE = "\0phoenix-notebook-client.js";

/**
 * The client module: the client started with the plugins' page modules and, for a page whose JavaScript cells
 * import modules, a loader for each (a lazy import Vite bundles; a specifier that does not resolve loads as
 * an error naming it, so the cell says what is missing and the rest of the page runs).
 */
export function clientModule(
  pagePlugins: readonly string[],
  imports: readonly PageImport[] = [],
  compiler = pageCompiler(),
  trimmed = "{}"
): string {
  const plugins = pagePlugins.map((path, i) => `import plugin${i} from ${JSON.stringify(path)};`);
  const list = pagePlugins.map((_, i) => `plugin${i}`).join(", ");
  const loaders = imports.map(({specifier, resolved, error}) => {
    const load = resolved
      ? `() => import(${JSON.stringify(resolved)})`
      : `() => Promise.reject(new Error(${JSON.stringify(error)}))`;
    return `  ${JSON.stringify(specifier)}: ${load}`;
  });
  return [
    `import {startPage} from ${JSON.stringify(clientEntry)};`,
    ...plugins,
    ...compiler.imports,
    `startPage([${list}], {compile: ${compiler.expression}, trimmed: ${trimmed}, imports: {\n${loaders.join(",\n")}\n}});`,
    ""
  ].join("\n");
}

// A page's own client module: its notebook's path in hex, so that the bundler's chunk names stay plain.
const PAGE_CLIENT = /^\0phoenix-notebook-page-([\da-f]+)\.js$/;
export const pageClientModule = (file: string) =>
  `\0phoenix-notebook-page-${Buffer.from(file).toString("hex")}.js`;
export function pageOfClientModule(id: string): string | undefined {
  const hex = PAGE_CLIENT.exec(id)?.[1];
  return hex === undefined ? undefined : Buffer.from(hex, "hex").toString();
}
