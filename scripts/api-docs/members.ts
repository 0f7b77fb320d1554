import ts from "typescript";
import type {Member, Parameter} from "./model.ts";
import {docText, normalizeDoc, typeText} from "./program.ts";

/** The name of an options (or hooks) type: `ProjectOptions`, `UmapHooks`. */
export const OPTIONS_TYPE = /^\w*(Options|Hooks)$/;

/** The properties and methods of an interface or object type, inherited ones included. */
export function objectMembers(checker: ts.TypeChecker, symbol: ts.Symbol, options: boolean): Member[] {
  const type = checker.getDeclaredTypeOfSymbol(symbol);
  return checker.getPropertiesOfType(type).map((property) => {
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    return memberOf(checker, property, declaration, options);
  });
}

/** The properties of a type written inline (`{value: number; count: number}`). */
export function literalMembers(checker: ts.TypeChecker, node: ts.TypeLiteralNode): Member[] {
  return node.members.flatMap((element) => {
    const symbol = element.name && checker.getSymbolAtLocation(element.name);
    return symbol ? [memberOf(checker, symbol, element, false)] : [];
  });
}

/**
 * A class's own public members: not the private or protected ones, and not those that override its base's
 * (a custom element's `render`, `styles`…: the base class documents them). A parameter property counts.
 */
export function classMembers(checker: ts.TypeChecker, node: ts.ClassDeclaration): Member[] {
  const reactive = reactiveProperties(node);
  const members: Member[] = [];
  const add = (declaration: ts.NamedDeclaration) => {
    const symbol = declaration.name && checker.getSymbolAtLocation(declaration.name);
    if (!symbol || members.some((member) => member.name === symbol.getName())) return;
    const member = memberOf(checker, symbol, declaration, false);
    // A reactive property is an option of the view: unless it may be undefined, it starts from a default.
    const needsDefault = reactive.has(member.name) && !member.optional && !/\bundefined\b/.test(member.type);
    members.push({...member, needsDefault});
  };
  for (const constructor of node.members.filter(ts.isConstructorDeclaration))
    for (const parameter of constructor.parameters)
      if (ts.isParameterPropertyDeclaration(parameter, constructor) && isPublic(parameter)) add(parameter);
  for (const member of node.members)
    if (
      (ts.isPropertyDeclaration(member) || ts.isGetAccessor(member) || ts.isMethodDeclaration(member)) &&
      isPublic(member) &&
      !ts.isPrivateIdentifier(member.name)
    )
      add(member);
  return members;
}

/** Whether a class is a custom element: it declares lit's `static properties`. */
export function isElementClass(node: ts.ClassDeclaration): boolean {
  return reactiveProperties(node).size > 0;
}

/** The parameters of a signature, with their `@param` docs (taken from any overload that has one). */
export function parametersOf(
  checker: ts.TypeChecker,
  declaration: ts.SignatureDeclaration,
  overloads: readonly ts.Declaration[]
): Parameter[] {
  return declaration.parameters.map((parameter) => {
    const name = parameter.name.getText();
    const type = parameter.type
      ? typeText(parameter.type)
      : checker.typeToString(checker.getTypeAtLocation(parameter));
    const tags = overloads.flatMap((overload) =>
      ts.getAllJSDocTags(overload, ts.isJSDocParameterTag).filter((tag) => tag.name.getText() === name)
    );
    // A parameter property (`readonly source: string`) may carry its doc itself, as a member does.
    const symbol = checker.getSymbolAtLocation(parameter.name);
    const own = symbol ? ts.displayPartsToString(symbol.getDocumentationComment(checker)) : "";
    const doc =
      [...tags.map((tag) => docText(tag.comment).replace(/^- /, "")), normalizeDoc(own)].find(Boolean) ?? "";
    const optional = Boolean(parameter.questionToken ?? parameter.initializer);
    const optionsObject = /^(options|hooks)$/.test(name) || OPTIONS_TYPE.test(type);
    return {
      name: parameter.dotDotDotToken ? `...${name}` : name,
      type,
      optional,
      doc,
      needsDefault: optional && !optionsObject
    };
  });
}

/** `<T>(a: A, b?: B): R` */
export function signatureText(checker: ts.TypeChecker, declaration: ts.SignatureDeclaration): string {
  const typeParameters = declaration.typeParameters?.length
    ? `<${declaration.typeParameters.map(typeText).join(", ")}>`
    : "";
  const parameters = parametersOf(checker, declaration, [])
    .map((parameter) => `${parameter.name}${parameter.optional ? "?" : ""}: ${parameter.type}`)
    .join(", ");
  return `${typeParameters}(${parameters}): ${returnText(checker, declaration)}`;
}

/** The return type as written, else as inferred. */
export function returnText(checker: ts.TypeChecker, declaration: ts.SignatureDeclaration): string {
  if (declaration.type) return typeText(declaration.type);
  const signature = checker.getSignatureFromDeclaration(declaration);
  return signature ? checker.typeToString(checker.getReturnTypeOfSignature(signature)) : "void";
}

function memberOf(
  checker: ts.TypeChecker,
  symbol: ts.Symbol,
  declaration: ts.Declaration | undefined,
  options: boolean
): Member {
  const doc = normalizeDoc(ts.displayPartsToString(symbol.getDocumentationComment(checker)));
  const method =
    declaration !== undefined && (ts.isMethodSignature(declaration) || ts.isMethodDeclaration(declaration));
  const optional = Boolean(symbol.flags & ts.SymbolFlags.Optional);
  let type: string;
  if (method) type = signatureText(checker, declaration as ts.SignatureDeclaration);
  else if (declaration && "type" in declaration && declaration.type)
    type = typeText(declaration.type as ts.TypeNode);
  else type = checker.typeToString(checker.getTypeOfSymbol(symbol));
  // Callbacks and abort signals have no default to state: left out, there is none.
  const callback = method || /^\(.*\) =>|^AbortSignal$/.test(type);
  return {
    name: symbol.getName(),
    kind: method ? "method" : "property",
    type,
    optional,
    doc,
    needsDefault: options && optional && !callback
  };
}

function isPublic(node: ts.Node): boolean {
  const flags = ts.getCombinedModifierFlags(node as ts.Declaration);
  return !(flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Override));
}

// The names in lit's `static properties = {name: {…}}`, less internal state (`{state: true}`).
function reactiveProperties(node: ts.ClassDeclaration): Set<string> {
  const names = new Set<string>();
  for (const member of node.members) {
    if (!ts.isPropertyDeclaration(member) || member.name.getText() !== "properties") continue;
    if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
    for (const property of member.initializer.properties) {
      if (!ts.isPropertyAssignment(property) || !property.name) continue;
      if (/\bstate:\s*true\b/.test(property.initializer.getText())) continue;
      names.add(property.name.getText());
    }
  }
  return names;
}
