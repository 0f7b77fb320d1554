import path from "node:path";
import ts from "typescript";
import {
  classMembers,
  isElementClass,
  literalMembers,
  objectMembers,
  OPTIONS_TYPE,
  parametersOf,
  returnText
} from "./members.ts";
import type {ApiEntry, ApiGroup, ApiItem, Member, Signature} from "./model.ts";
import {
  docText,
  normalizeDoc,
  projectSymbolsIn,
  resolveAlias,
  ROOT,
  sourceProgram,
  typeText
} from "./program.ts";

/** A public index to document. Its exports are grouped by the `// area: description` comments above them. */
export interface EntrySpec {
  readonly file: string;
  readonly title: string;
  readonly intro: string;
  /** The group of exports above any group comment. */
  readonly group: {readonly name: string; readonly description: string};
}

// One documented declaration: where it goes and under which name.
interface Placed {
  readonly symbol: ts.Symbol;
  readonly name: string;
  readonly reachedFrom: string | null;
}

interface PlacedGroup {
  readonly name: string;
  readonly description: string;
  readonly placed: Placed[];
}

/**
 * Reads the exports of each index and everything their signatures name that the project declares: the
 * exports in index order, then, in each group, the unexported types its exports reach (a function's return
 * type, a property's type), so that every shape a caller meets is documented.
 */
export function extractApi(entries: readonly EntrySpec[]): ApiEntry[] {
  const program = sourceProgram(entries.map((entry) => entry.file));
  const checker = program.getTypeChecker();
  const grouped = entries.map((entry) => exportsOf(program, checker, entry));
  const seen = new Set(grouped.flat().flatMap((group) => group.placed.map((placed) => placed.symbol)));
  for (const group of grouped.flat())
    for (let i = 0; i < group.placed.length; ++i) {
      const owner = group.placed[i]!;
      for (const symbol of referencesOf(checker, owner.symbol)) {
        if (seen.has(symbol)) continue;
        seen.add(symbol);
        group.placed.push({symbol, name: symbol.getName(), reachedFrom: owner.name});
      }
    }
  const options = optionTypes(
    checker,
    grouped.flat().flatMap((group) => group.placed)
  );
  const tags = new Map(entries.flatMap((entry) => [...elementTags(program, checker, entry.file)]));
  return entries.map((entry, i) => ({
    file: entry.file,
    title: entry.title,
    intro: entry.intro,
    groups: grouped[i]!.map((group): ApiGroup => ({
      name: group.name,
      description: group.description,
      items: group.placed.map((placed) => itemOf(checker, placed, options, tags))
    }))
  }));
}

// The tags an index defines its elements under: its calls like `defineElement("phx-point-cloud", PhxPointCloud)`.
function elementTags(program: ts.Program, checker: ts.TypeChecker, file: string): Map<ts.Symbol, string> {
  const tags = new Map<ts.Symbol, string>();
  for (const statement of program.getSourceFile(path.join(ROOT, file))?.statements ?? []) {
    if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) continue;
    const [tag, element] = statement.expression.arguments;
    if (!tag || !element || !ts.isStringLiteral(tag) || !ts.isIdentifier(element)) continue;
    const symbol = checker.getSymbolAtLocation(element);
    if (symbol) tags.set(resolveAlias(checker, symbol), tag.text);
  }
  return tags;
}

// The index's exports in the order written, each under the group comment above it.
function exportsOf(program: ts.Program, checker: ts.TypeChecker, entry: EntrySpec): PlacedGroup[] {
  const file = program.getSourceFile(path.join(ROOT, entry.file));
  if (!file) throw new Error(`api-docs: cannot read ${entry.file}`);
  const groups: PlacedGroup[] = [{...entry.group, placed: []}];
  for (const statement of file.statements) {
    for (const range of ts.getLeadingCommentRanges(file.text, statement.getFullStart()) ?? []) {
      const match = /^\/\/\s*([a-z][\w -]*):\s*(.+)$/.exec(file.text.slice(range.pos, range.end));
      if (match) groups.push({name: match[1]!, description: match[2]!.trim(), placed: []});
    }
    if (!ts.isExportDeclaration(statement) || !statement.exportClause) continue;
    if (!ts.isNamedExports(statement.exportClause)) throw new Error(`api-docs: ${entry.file}: export * as`);
    for (const specifier of statement.exportClause.elements) {
      const local = checker.getExportSpecifierLocalTargetSymbol(specifier);
      if (!local) throw new Error(`api-docs: ${entry.file}: cannot resolve ${specifier.name.text}`);
      const symbol = resolveAlias(checker, local);
      groups.at(-1)!.placed.push({symbol, name: specifier.name.text, reachedFrom: null});
    }
  }
  // Every export must have come from a statement read above: `export function` in an index would be missed.
  const moduleSymbol = checker.getSymbolAtLocation(file);
  const listed = new Set(groups.flatMap((group) => group.placed.map((placed) => placed.name)));
  for (const symbol of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [])
    if (!listed.has(symbol.getName()))
      throw new Error(`api-docs: ${entry.file}: export ${symbol.getName()} is not an export { … } list`);
  return groups.filter((group) => group.placed.length > 0);
}

// The project's types that a declaration's public face names, in the order written.
function referencesOf(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol[] {
  const found: ts.Symbol[] = [];
  const add = (node: ts.Node | undefined) => {
    for (const reference of projectSymbolsIn(checker, node))
      if (reference !== symbol && !found.includes(reference)) found.push(reference);
  };
  for (const node of publicTypeNodes(checker, symbol)) add(node);
  return found;
}

function publicTypeNodes(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Node[] {
  const declaration = symbol.declarations?.[0];
  if (!declaration) return [];
  if (ts.isFunctionDeclaration(declaration)) return signaturesOf(symbol).flatMap(signatureTypeNodes);
  if (ts.isTypeAliasDeclaration(declaration)) return [declaration.type];
  if (ts.isVariableDeclaration(declaration)) return declaration.type ? [declaration.type] : [];
  const members = ts.isClassDeclaration(declaration)
    ? classMembers(checker, declaration).map((member) => member.name)
    : checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol)).map((p) => p.getName());
  const nodes: ts.Node[] = [];
  if (ts.isClassDeclaration(declaration))
    for (const constructor of declaration.members.filter(ts.isConstructorDeclaration))
      nodes.push(...signatureTypeNodes(constructor));
  for (const name of members) {
    const member = checker.getPropertyOfType(checker.getDeclaredTypeOfSymbol(symbol), name);
    for (const node of member?.declarations ?? [])
      if (ts.isFunctionLike(node)) nodes.push(...signatureTypeNodes(node));
      else if ("type" in node && node.type) nodes.push(node.type as ts.Node);
  }
  return nodes;
}

function signatureTypeNodes(declaration: ts.SignatureDeclaration): ts.Node[] {
  const nodes: ts.Node[] = declaration.parameters.flatMap((parameter) =>
    parameter.type ? [parameter.type] : []
  );
  return declaration.type ? [...nodes, declaration.type] : nodes;
}

// A function's overloads, or its one declaration when it has none.
function signaturesOf(symbol: ts.Symbol): ts.SignatureDeclaration[] {
  const declarations = (symbol.declarations ?? []).filter(ts.isFunctionDeclaration);
  const overloads = declarations.filter((declaration) => !declaration.body);
  return overloads.length ? overloads : declarations;
}

/**
 * The options types: those of a parameter named `options` or `hooks` or typed `…Options` / `…Hooks`, and
 * the project types their properties name, except what a function returns (a `reference` option's Dataset
 * is data, not options) and classes.
 */
function optionTypes(checker: ts.TypeChecker, placed: readonly Placed[]): Set<ts.Symbol> {
  const returned = new Set<ts.Symbol>();
  const options: ts.Symbol[] = [];
  for (const {symbol} of placed)
    for (const signature of callableSignatures(symbol)) {
      for (const reference of projectSymbolsIn(checker, signature.type)) returned.add(reference);
      for (const parameter of signature.parameters) {
        const named = /^(options|hooks)$/.test(parameter.name.getText());
        for (const reference of projectSymbolsIn(checker, parameter.type))
          if ((named || OPTIONS_TYPE.test(reference.getName())) && !options.includes(reference))
            options.push(reference);
      }
    }
  for (let i = 0; i < options.length; ++i)
    for (const reference of referencesOf(checker, options[i]!)) {
      const isClass = reference.declarations?.some(ts.isClassDeclaration);
      if (!returned.has(reference) && !isClass && !options.includes(reference)) options.push(reference);
    }
  return new Set(options);
}

function callableSignatures(symbol: ts.Symbol): ts.SignatureDeclaration[] {
  const declaration = symbol.declarations?.[0];
  if (declaration && ts.isClassDeclaration(declaration))
    return declaration.members.filter(
      (member): member is ts.ConstructorDeclaration | ts.MethodDeclaration =>
        ts.isConstructorDeclaration(member) || ts.isMethodDeclaration(member)
    );
  return signaturesOf(symbol);
}

function itemOf(
  checker: ts.TypeChecker,
  placed: Placed,
  options: Set<ts.Symbol>,
  tags: Map<ts.Symbol, string>
): ApiItem {
  const {symbol, name, reachedFrom} = placed;
  const declaration = symbol.declarations?.[0];
  if (!declaration) throw new Error(`api-docs: ${name} has no declaration`);
  const base = {
    name,
    reachedFrom,
    source: path.relative(ROOT, declaration.getSourceFile().fileName),
    doc: normalizeDoc(ts.displayPartsToString(symbol.getDocumentationComment(checker)))
  };
  if (ts.isFunctionDeclaration(declaration)) {
    const overloads = signaturesOf(symbol);
    const signatures = overloads.map((signature) => signatureOf(checker, name, signature, overloads));
    return {...base, kind: "function", signatures};
  }
  if (ts.isClassDeclaration(declaration)) {
    const constructors = declaration.members
      .filter(ts.isConstructorDeclaration)
      .map((constructor) => signatureOf(checker, `new ${name}`, constructor, [constructor]));
    const members = classMembers(checker, declaration);
    const element = isElementClass(declaration);
    return {...base, kind: "class", constructors, members, element, tag: tags.get(symbol) ?? null};
  }
  if (ts.isVariableDeclaration(declaration)) {
    const type = declaration.type
      ? typeText(declaration.type)
      : checker.typeToString(checker.getTypeOfSymbol(symbol));
    return {...base, kind: "const", type};
  }
  const isOptions = options.has(symbol);
  const typeParameters = typeParametersOf(declaration);
  if (ts.isInterfaceDeclaration(declaration))
    return {
      ...base,
      kind: "interface",
      text: null,
      typeParameters,
      members: objectMembers(checker, symbol, isOptions),
      options: isOptions
    };
  if (ts.isTypeAliasDeclaration(declaration)) {
    const literal = ts.isTypeLiteralNode(declaration.type);
    return {
      ...base,
      kind: "type",
      text: literal ? null : typeText(declaration.type),
      typeParameters,
      members: literal ? objectMembers(checker, symbol, isOptions) : [],
      options: isOptions
    };
  }
  throw new Error(`api-docs: ${name}: cannot document a ${ts.SyntaxKind[declaration.kind]}`);
}

function typeParametersOf(declaration: ts.Declaration): string {
  const parameters = (declaration as ts.InterfaceDeclaration).typeParameters;
  return parameters?.length ? `<${parameters.map(typeText).join(", ")}>` : "";
}

function signatureOf(
  checker: ts.TypeChecker,
  name: string,
  declaration: ts.SignatureDeclaration,
  overloads: readonly ts.Declaration[]
): Signature {
  const parameters = parametersOf(checker, declaration, overloads);
  const returns = ts.isConstructorDeclaration(declaration) ? "" : returnText(checker, declaration);
  const typeParameters = declaration.typeParameters?.length
    ? `<${declaration.typeParameters.map(typeText).join(", ")}>`
    : "";
  const list = parameters.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`).join(", ");
  const signature = checker.getSignatureFromDeclaration(declaration);
  const returnTag = overloads.map((overload) => ts.getJSDocReturnTag(overload)).find(Boolean);
  return {
    text: `${name}${typeParameters}(${list})${returns ? `: ${returns}` : ""}`,
    doc: signature ? normalizeDoc(ts.displayPartsToString(signature.getDocumentationComment(checker))) : "",
    parameters,
    returns,
    returnsDoc: docText(returnTag?.comment),
    returnMembers: returnLiterals(declaration.type).flatMap((literal) => literalMembers(checker, literal))
  };
}

// The object types written inline in a return type: `{series: DriftPoint[]}`, `Promise<{…}>`.
function returnLiterals(node: ts.TypeNode | undefined): ts.TypeLiteralNode[] {
  if (!node) return [];
  if (ts.isTypeLiteralNode(node)) return [node];
  if (ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node)) return node.types.flatMap(returnLiterals);
  if (ts.isParenthesizedTypeNode(node)) return returnLiterals(node.type);
  if (ts.isTypeReferenceNode(node) && node.typeName.getText() === "Promise")
    return (node.typeArguments ?? []).flatMap(returnLiterals);
  return [];
}

export type {Member};
