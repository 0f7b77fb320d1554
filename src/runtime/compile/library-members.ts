import {parse, type Node} from "acorn";
import {fullAncestor} from "acorn-walk";
import type {CellPlan} from "./cell-plan.ts";

// Which parts of the Plot and d3 builtins a page's cells use, read from the code its build generated
// (compile/ahead.ts), so that the page can ship a module re-exporting just those and the bundler drops the
// rest. Build-time only: the page never imports this (it would carry acorn).

/** The builtins a build can trim, and the package each one is. */
export const TRIMMABLE_LIBRARIES = {Plot: "@observablehq/plot", d3: "d3"} as const;

export type TrimmableLibrary = keyof typeof TRIMMABLE_LIBRARIES;

/** What a page's cells use of one library: the names they read from it, or all of it. */
export type LibraryUse =
  | {readonly kind: "members"; readonly names: readonly string[]}
  | {readonly kind: "full"; readonly reason: string};

/**
 * What the cells of `plans` use of each trimmable library that some cell references: the names read as
 * `Plot.name` (sorted), or "full" with the first cell that uses the library otherwise (`Plot[name]`, `Plot`
 * passed or assigned, `typeof d3`, a local of that name), which can read any of its exports.
 */
export function libraryMembers(plans: readonly CellPlan[]): Partial<Record<TrimmableLibrary, LibraryUse>> {
  const uses: Partial<Record<TrimmableLibrary, LibraryUse>> = {};
  for (const library of Object.keys(TRIMMABLE_LIBRARIES) as TrimmableLibrary[]) {
    const names = new Set<string>();
    let full: string | undefined;
    for (const plan of plans) {
      if (plan.code === undefined || !plan.variables.some((v) => v.inputs.includes(library))) continue;
      const read = membersRead(plan.code, library);
      if (read === null) {
        full = `cell ${plan.id} uses ${library} other than as ${library}.name`;
        break;
      }
      for (const name of read) names.add(name);
    }
    if (full !== undefined) uses[library] = {kind: "full", reason: full};
    else if (names.size > 0) uses[library] = {kind: "members", names: [...names].sort()};
  }
  return uses;
}

/**
 * The names `code` (a definition function whose parameter `library` is the builtin) reads as
 * `library.name`, or null when it uses the identifier any other way, or does not parse here.
 */
export function membersRead(code: string, library: string): Set<string> | null {
  let program: Node;
  try {
    program = parse(code, {ecmaVersion: "latest", sourceType: "module"});
  } catch {
    return null;
  }
  const names = new Set<string>();
  let other = false;
  fullAncestor(program, (node, _state, ancestors) => {
    if (node.type !== "Identifier" || (node as Node & {name: string}).name !== library) return;
    const parent = ancestors[ancestors.length - 2];
    // The definition's own parameter: the builtin handed in.
    if (parent?.type === "FunctionExpression" && ancestors.length === 4 && isParam(parent, node)) return;
    if (
      parent?.type === "MemberExpression" &&
      (parent as Member).object === node &&
      !(parent as Member).computed &&
      (parent as Member).property.type === "Identifier"
    ) {
      names.add((parent as Member).property.name!);
      return;
    }
    other = true;
  });
  return other ? null : names;
}

interface Member {
  readonly object: Node;
  readonly property: Node & {readonly name?: string};
  readonly computed: boolean;
}

function isParam(fn: Node, node: Node): boolean {
  return (fn as Node & {params: Node[]}).params.includes(node);
}
