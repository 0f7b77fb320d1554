/**
 * `__import__(specifier)`: what a JavaScript cell's `import` becomes (see compile/module-cell.ts), resolved by
 * the host: relative to the notebook, and packages from the notebook's folder or the project. Never a CDN.
 */
export type ImportModule = (specifier: string) => Promise<Record<string, unknown>>;

/**
 * `npm:name[@range][/path]` → `name[/path]`: the package is the one installed, whatever range the cell asks
 * for (Notebook Kit's notation; nothing is fetched).
 */
export function packageSpecifier(specifier: string): string {
  const bare = specifier.replace(/^npm:/, "");
  const match = /^((?:@[^/@]+\/)?[^/@]+)(?:@[^/]*)?(\/.*)?$/.exec(bare);
  return match ? `${match[1]}${match[2] === "/" ? "" : (match[2] ?? "")}` : bare;
}

/** The error text for a package that is installed nowhere the notebook looks: it names the `npm install`. */
export function notInstalled(specifier: string): string {
  const pkg = /^(@[^/]+\/)?[^/]+/.exec(packageSpecifier(specifier))?.[0] ?? specifier;
  return `cannot import "${specifier}": ${pkg} is not installed (npm install ${pkg})`;
}

/** The error text for a relative module that is not there: the page's and the runner's alike. */
export function noSuchModule(specifier: string): string {
  return `cannot import "${specifier}": no such module beside the notebook`;
}

/**
 * The error text for a Node built-in (`node:fs`, `fs`, `node:crypto`): the runner could load it, but a notebook
 * runs in the page too, which has none, so both refuse it by name alike.
 */
export function nodeBuiltin(specifier: string): string {
  return `cannot import "${specifier}": it is a Node built-in, and notebooks run in the browser too, where it does not exist (read files with FileAttachment)`;
}

/** Whether a specifier names a module by its path relative to the notebook (`./x.js`, `../x.js`, `/x.js`). */
export function isRelativeSpecifier(specifier: string): boolean {
  return /^(\.{1,2}\/|\/)/.test(specifier);
}

/** Whether a specifier is an absolute URL (`https://…`, `file://…`): neither a path nor a package. */
export function isUrlSpecifier(specifier: string): boolean {
  return /^[a-z][a-z\d+.-]*:\/\//i.test(specifier);
}

/**
 * A page's `__import__` for what its bundle does not hold: relative modules from the page's folder. A package
 * must be bundled with the page (the build and the dev server do so for the imports a notebook's cells
 * declare): a page reaches no node_modules folder, and fetching from a CDN is never an option here.
 */
export const pageImporter: ImportModule = async (specifier) => {
  // Every `node:` name is a built-in; a bare one (`fs`) is known only to Node, where the bundle was made.
  if (specifier.startsWith("node:")) throw new Error(nodeBuiltin(specifier));
  if (!isRelativeSpecifier(specifier)) {
    throw new Error(
      `cannot import "${specifier}" here: this page was not built with it (a computed import() of a package, or a cell edited since the page loaded: reload)`
    );
  }
  const base = typeof location === "object" ? location.href : undefined;
  return (await import(/* @vite-ignore */ base ? new URL(specifier, base).href : specifier)) as Record<
    string,
    unknown
  >;
};
