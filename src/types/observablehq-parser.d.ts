// The parts of @observablehq/parser (which ships no types) that the compiler uses.
declare module "@observablehq/parser" {
  export interface Node {
    type: string;
    start: number;
    end: number;
  }
  export interface Identifier extends Node {
    type: "Identifier";
    name: string;
  }
  export interface ViewExpression extends Node {
    type: "ViewExpression";
    id: Identifier;
  }
  export interface MutableExpression extends Node {
    type: "MutableExpression";
    id: Identifier;
  }
  export interface TemplateElement extends Node {
    value: {raw: string; cooked: string | null};
  }
  export interface TemplateLiteral extends Node {
    type: "TemplateLiteral";
    quasis: TemplateElement[];
    expressions: Node[];
  }
  export type Reference = Identifier | ViewExpression | MutableExpression;
  export interface Cell extends Node {
    id: Identifier | ViewExpression | MutableExpression | null;
    body: Node | null;
    async: boolean;
    generator: boolean;
    references: Reference[];
    fileAttachments: Map<string, Node[]>;
  }
  export function parseCell(
    input: string,
    options?: {tag?: string; raw?: boolean; globals?: Set<string>}
  ): Cell;
  /** acorn's SyntaxError: `pos` is the offset of the problem, `loc` its 1-based line and 0-based column. */
  export interface ParseError extends SyntaxError {
    pos: number;
    loc: {line: number; column: number};
  }
}
