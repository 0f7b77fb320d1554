import {readFileSync} from "node:fs";
import {extname} from "node:path";
import {parseAst} from "vite";

/**
 * The stand-in a dev server's page loads for a module it refused to serve (import-bounds.ts): it throws
 * `message` when it runs, so that the cell importing it fails with that message. It exports the names
 * `importer` (a file) asks of `specifier`, each undefined: without them the browser would fail to link the
 * importer, with a message that says nothing of why.
 */
export function refusedModule(message: string, importer: string, specifier: string): string {
  const names = importedNames(importer, specifier);
  // A name as an identifier where it is one (the bundler takes `as "default"` for a name, not the default).
  const exported = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
  const exports = names.map((name, i) => `const n${i} = undefined; export {n${i} as ${exported(name)}};`);
  return [...exports, `throw new Error(${JSON.stringify(message)});`, ""].join("\n");
}

// A static import's or a re-export's names; nothing for `* as`, `export *` or import() (none to link).
interface Named {
  readonly type: string;
  readonly importKind?: string | null;
  readonly exportKind?: string | null;
  readonly imported?: Name | null;
  readonly local?: Name | null;
}
interface Name {
  readonly name?: string;
  readonly value?: unknown;
}
interface Statement {
  readonly type: string;
  readonly importKind?: string | null;
  readonly exportKind?: string | null;
  readonly source?: {readonly value?: unknown} | null;
  readonly specifiers?: readonly Named[] | null;
}

/** The names the module `file` imports or re-exports from `specifier` (type-only ones aside). */
export function importedNames(file: string, specifier: string): string[] {
  let body: readonly Statement[];
  try {
    const lang = /^\.[cm]?tsx?$/.test(extname(file)) ? (extname(file).endsWith("x") ? "tsx" : "ts") : "jsx";
    body = parseAst(readFileSync(file, "utf8"), {lang}).body as readonly Statement[];
  } catch {
    return []; // unreadable or unparsable: the importer fails to link, as it would have anyway
  }
  const names = new Set<string>();
  for (const statement of body) {
    if (statement.source?.value !== specifier || isTypeOnly(statement)) continue;
    for (const named of statement.specifiers ?? []) {
      if (isTypeOnly(named)) continue;
      if (named.type === "ImportDefaultSpecifier") names.add("default");
      if (named.type === "ImportSpecifier") addName(names, named.imported);
      if (named.type === "ExportSpecifier") addName(names, named.local);
    }
  }
  return [...names];
}

const isTypeOnly = (node: {importKind?: string | null; exportKind?: string | null}) =>
  node.importKind === "type" || node.exportKind === "type";

function addName(names: Set<string>, name: Name | null | undefined): void {
  const text = name?.name ?? name?.value;
  if (typeof text === "string") names.add(text);
}
