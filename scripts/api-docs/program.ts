import path from "node:path";
import ts from "typescript";

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * A program over the given files and the project sources they import. The packages' declaration files are
 * read as empty modules: the reference prints types as written and never type-checks, and parsing Arrow's,
 * lit's and the DOM's declarations would take the program from ~2 s to ~15 s. A type from a package is then
 * known by its name only, which is all the reference shows of it.
 */
export function sourceProgram(files: readonly string[]): ts.Program {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
    noEmit: true,
    strict: true,
    types: [],
    lib: ["lib.es2023.d.ts"]
  };
  const host = ts.createCompilerHost(options, true);
  const read = host.getSourceFile.bind(host);
  const libFolder = path.dirname(ts.getDefaultLibFilePath(options));
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    fileName.includes("/node_modules/") && !fileName.startsWith(libFolder)
      ? ts.createSourceFile(fileName, "export {};", languageVersion, true)
      : read(fileName, languageVersion, ...rest);
  return ts.createProgram(
    files.map((file) => path.join(ROOT, file)),
    options,
    host
  );
}

/** Whether a declaration is the project's own (src/), not a package's or the standard library's. */
export function isProjectDeclaration(node: ts.Node): boolean {
  const file = path.relative(ROOT, node.getSourceFile().fileName);
  return file.startsWith("src/");
}

/** A symbol with its import and export aliases followed to the declaration. */
export function resolveAlias(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

// What a type node can name that gets its own section: not type parameters.
const DOCUMENTED_TYPES = ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Class;

/** The project declarations a type node names (`Promise<Dataset>` names Dataset), in the order written. */
export function projectSymbolsIn(checker: ts.TypeChecker, node: ts.Node | undefined): ts.Symbol[] {
  const found: ts.Symbol[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isTypeReferenceNode(child) || ts.isExpressionWithTypeArguments(child)) {
      const name = ts.isTypeReferenceNode(child) ? child.typeName : child.expression;
      const symbol = checker.getSymbolAtLocation(name);
      const target = symbol && resolveAlias(checker, symbol);
      const declaration = target?.declarations?.[0];
      const named = target && target.flags & DOCUMENTED_TYPES;
      if (target && named && declaration && isProjectDeclaration(declaration) && !found.includes(target))
        found.push(target);
    }
    ts.forEachChild(child, visit);
  };
  if (node) visit(node);
  return found;
}

const printer = ts.createPrinter({removeComments: true, omitTrailingSemicolon: true});

/** A type node as written, on one line, without the comments inside it. */
export function typeText(node: ts.Node): string {
  return printer
    .printNode(ts.EmitHint.Unspecified, node, node.getSourceFile())
    .replace(/\s+/g, " ")
    .replace(/([{[]) /g, "$1")
    .replace(/;? ([}\]])/g, "$1");
}

/** The text of a JSDoc comment or tag, on one line per paragraph. */
export function docText(comment: string | ts.NodeArray<ts.JSDocComment> | undefined): string {
  return normalizeDoc(ts.getTextOfJSDocComment(comment) ?? "");
}

/** Paragraphs kept, lines within them joined. */
export function normalizeDoc(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}
