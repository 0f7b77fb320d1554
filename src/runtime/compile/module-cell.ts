import {
  parse,
  parseExpressionAt,
  tokenizer,
  tokTypes,
  type Expression,
  type Node as AcornNode,
  type Options,
  type Pattern,
  type Program
} from "acorn";
import {simple} from "acorn-walk";

/** A JavaScript cell (`<script type="module">`, Notebook Kit's dialect) made ready to become a definition. */
export interface ModuleCellSource {
  /**
   * The cell's code, line for line: each `import` declaration becomes an awaited `__import__(specifier)` of the
   * same names, hoisted to the start of the first line (as an ES module links its imports before its first
   * statement runs), and each `import(…)` expression a call of `__import__`, so that imports resolve the way
   * the notebook's host resolves them (offline, relative to the notebook).
   */
  readonly body: string;
  /** The names the cell declares at top level (imports included): its outputs, in order. */
  readonly outputs: readonly string[];
  /** The specifiers the cell imports: its `import` declarations and its `import("literal")` calls. */
  readonly imports: readonly string[];
  /**
   * For a cell that is a single expression, that expression (with the same rewriting as `body`, without a
   * trailing semicolon or comment): its value is shown, as Notebook Kit shows it. Else undefined.
   */
  readonly expression?: string;
}

/** The builtin that imports a module for a cell (see stdlib/import-module.ts). */
export const IMPORT_BUILTIN = "__import__";

/**
 * Reads a JavaScript cell: an ES module body (top-level `await` allowed) whose top-level declarations are its
 * outputs. Throws acorn's SyntaxError (with `loc`) when it does not parse, or a SyntaxError for an `export`
 * (a cell's outputs are its declarations, not exports).
 */
export function readModuleCell(source: string): ModuleCellSource {
  const alone = readExpression(source);
  if (alone) {
    const {rewrite, imports} = importEdits(source, alone);
    const expression = rewrite(0, alone.end);
    return {body: `(${expression}\n);`, outputs: [], imports, expression};
  }
  const program = parse(source, OPTIONS) as Program;
  const outputs: string[] = [];
  const declarations: Edit[] = [];
  const hoisted: string[] = [];
  const imported: string[] = [];
  for (const statement of program.body) {
    switch (statement.type) {
      case "ImportDeclaration": {
        const names: string[] = [];
        const exported: string[] = []; // the module's names the declaration reads
        let namespace: string | undefined;
        for (const specifier of statement.specifiers) {
          const local = specifier.local.name;
          outputs.push(local);
          if (specifier.type === "ImportNamespaceSpecifier") namespace = local;
          else if (specifier.type === "ImportDefaultSpecifier") {
            names.push(`default: ${local}`);
            exported.push("default");
          } else {
            const imported = specifier.imported;
            const name = imported.type === "Identifier" ? imported.name : JSON.stringify(imported.value);
            names.push(name === local ? local : `${name}: ${local}`);
            exported.push(imported.type === "Identifier" ? imported.name : String(imported.value));
          }
        }
        imported.push(String(statement.source.value));
        const call = `await ${IMPORT_BUILTIN}(${JSON.stringify(statement.source.value)})`;
        const bindings = [
          ...(namespace ? [`${namespace} = ${call}`] : []),
          ...(names.length
            ? [`{${names.join(", ")}} = ${withExports(namespace ?? call, exported, statement.source.value)}`]
            : []),
          ...(namespace || names.length ? [] : [`${"_"}${statement.start} = ${call}`])
        ];
        hoisted.push(`const ${bindings.join(", ")};`);
        // Only the declaration's newlines stay in its place, so that later lines stay where they were.
        const newlines = "\n".repeat(countNewlines(source.slice(statement.start, statement.end)));
        declarations.push({start: statement.start, end: statement.end, text: newlines});
        break;
      }
      case "ExportNamedDeclaration":
      case "ExportDefaultDeclaration":
      case "ExportAllDeclaration":
        throw syntaxError("a cell does not export: its top-level declarations are its outputs", statement);
      case "VariableDeclaration":
        for (const declarator of statement.declarations) outputs.push(...bindingNames(declarator.id));
        break;
      case "FunctionDeclaration":
      case "ClassDeclaration":
        if (statement.id) outputs.push(statement.id.name);
        break;
    }
  }
  const {rewrite, imports} = importEdits(source, program, declarations);
  const [only] = program.body;
  // A statement's end is past its closing parenthesis and its semicolon: the expression is all of it but the
  // semicolon (an expression node ends inside the parentheses around it).
  const end = only?.type === "ExpressionStatement" ? only.end - (source[only.end - 1] === ";" ? 1 : 0) : 0;
  const expression = program.body.length === 1 && end > 0 ? rewrite(0, end) : undefined;
  return {
    body: hoisted.join(" ") + rewrite(0, source.length),
    outputs,
    imports: [...new Set([...imported, ...imports])],
    expression
  };
}

const OPTIONS: Options = {ecmaVersion: "latest", sourceType: "module", locations: true};

/** One replacement of `source.slice(start, end)` by `text`. */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The cell as one expression, as Notebook Kit reads a cell before trying it as a module body (so that
 * `{a: 1, b: 2}` is an object, not a block), or undefined. A named function or class reads as a declaration.
 */
function readExpression(source: string): Expression | undefined {
  let node: Expression;
  try {
    node = parseExpressionAt(source, 0, {...OPTIONS, preserveParens: true});
  } catch {
    return undefined;
  }
  if ((node.type === "FunctionExpression" || node.type === "ClassExpression") && node.id) return undefined;
  // Only comments and space may follow: `1; 2` or `a = 1;` are module bodies.
  try {
    const rest = tokenizer(source.slice(node.end), OPTIONS);
    return rest.getToken().type === tokTypes.eof ? node : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `node`'s `import(…)` calls made calls of the import builtin, with `edits` besides: `rewrite(start, end)` gives
 * that span of the source edited; `imports` the literal specifiers.
 */
function importEdits(
  source: string,
  node: AcornNode,
  edits: Edit[] = []
): {rewrite: (start: number, end: number) => string; imports: string[]} {
  const imports: string[] = [];
  const all = [...edits];
  simple(node, {
    ImportExpression(call) {
      if (call.source.type === "Literal" && typeof call.source.value === "string")
        imports.push(call.source.value);
      all.push({start: call.start, end: call.start + "import".length, text: IMPORT_BUILTIN});
    }
  });
  all.sort((a, b) => a.start - b.start);
  const rewrite = (start: number, end: number) => {
    let text = "";
    let index = start;
    for (const edit of all.filter((e) => e.start >= start && e.end <= end)) {
      text += source.slice(index, edit.start) + edit.text;
      index = edit.end;
    }
    return text + source.slice(index, end);
  };
  return {rewrite, imports};
}

/**
 * `module` (an expression), checked to have each of `names` as an ES import checks it: a name it does not export
 * is a SyntaxError naming it, not `undefined` (`import {formatt} from "npm:d3-format"`).
 */
function withExports(module: string, names: readonly string[], specifier: unknown): string {
  const missing = `"The requested module " + ${JSON.stringify(JSON.stringify(String(specifier)))} + " does not provide an export named " + JSON.stringify(n)`;
  return `((m) => { for (const n of ${JSON.stringify(names)}) if (!(n in m)) throw new SyntaxError(${missing}); return m; })(${module})`;
}

/** The names a declaration's pattern binds: `a`, `{b, c: [d]}`, `...rest`, with defaults. */
function bindingNames(pattern: Pattern): string[] {
  switch (pattern.type) {
    case "Identifier":
      return [pattern.name];
    case "ObjectPattern":
      return pattern.properties.flatMap((p) =>
        p.type === "RestElement" ? bindingNames(p.argument) : bindingNames(p.value)
      );
    case "ArrayPattern":
      return pattern.elements.flatMap((element) => (element ? bindingNames(element) : []));
    case "RestElement":
      return bindingNames(pattern.argument);
    case "AssignmentPattern":
      return bindingNames(pattern.left);
    default:
      return [];
  }
}

function countNewlines(text: string): number {
  return text.split("\n").length - 1;
}

function syntaxError(message: string, node: AcornNode): SyntaxError {
  const error = new SyntaxError(message) as SyntaxError & {loc?: {line: number; column: number}};
  if (node.loc) error.loc = {line: node.loc.start.line, column: node.loc.start.column};
  return error;
}

/**
 * The source of a JavaScript cell's definition: an async function of the cell's free names that runs the body
 * and resolves to a ModuleResult. The body starts on the function's first line, so that line k of the cell is
 * line k of the code (stack traces map back to the cell).
 */
export function moduleDefinitionCode(cell: ModuleCellSource, parameters: readonly string[]): string {
  const brand = `[Symbol.for("phoenix-notebook.module-cell")]: true`;
  const head = `(async function(${parameters.join(", ")}) {`;
  // An expression that calls display() or view() shows what those show, not its value too (Notebook Kit).
  const shown = !parameters.includes("display") && !parameters.includes("view");
  if (cell.expression !== undefined && shown)
    return `${head} return {${brand}, outputs: {}, value: (${cell.expression}\n)}; })`;
  return `${head}${cell.body}\nreturn {${brand}, outputs: {${cell.outputs.join(", ")}}}; })`;
}
