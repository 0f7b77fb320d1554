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

/** Whether a specifier names a file relative to the notebook (or an absolute URL), not a package. */
export function isRelativeSpecifier(specifier: string): boolean {
  return /^(\.{1,2}\/|\/)/.test(specifier) || /^[a-z][a-z\d+.-]*:\/\//i.test(specifier);
}
