import assert from "node:assert/strict";
import {test} from "node:test";
import {compileCell} from "../../../src/runtime/compile/compile-cell.ts";
import {parseNotebook} from "../../../src/runtime/notebook/parse.ts";
import {notebookOf} from "../../helpers/notebook.ts";

const compile = (source: string) => compileCell(notebookOf(source).cells[0]!);
const shape = (source: string) => compile(source).variables.map((v) => [v.name, v.inputs, v.role]);

test("compileCell() turns a named cell into one variable with its references as inputs", () => {
  assert.deepEqual(shape("c = a + b * a"), [["c", ["a", "b"], "main"]]);
});

test("compileCell() gives viewof a view variable and a value variable", () => {
  assert.deepEqual(shape("viewof x = Inputs.range()"), [
    ["viewof x", ["Inputs"], "main"],
    ["x", ["Generators", "viewof x"], "view-value"]
  ]);
});

test("compileCell() gives mutable an initial value, a Mutable and a generator", () => {
  assert.deepEqual(shape("mutable m = 1"), [
    ["initial m", [], "hidden"],
    ["mutable m", ["Mutable", "initial m"], "hidden"],
    ["m", ["mutable m"], "main"]
  ]);
});

test("compileCell() rewrites viewof and mutable references into inputs", () => {
  const cell = compile("{ mutable m = viewof x.value; return m; }");
  assert.deepEqual(cell.variables[0]!.inputs, ["mutable m", "viewof x", "m"]);
  const mutable = {value: 0};
  assert.equal(cell.variables[0]!.definition.call(undefined, mutable, {value: 5}, 9), 9);
  assert.equal(mutable.value, 5);
});

test("compileCell() makes generator and async definitions", () => {
  const generator = compile("{ yield 1; yield 2; }").variables[0]!.definition.call(undefined) as Generator;
  assert.deepEqual([...generator], [1, 2]);
  const promise = compile("x = await Promise.resolve(4)").variables[0]!.definition.call(undefined);
  assert.ok(promise instanceof Promise);
});

test("compileCell() compiles a Markdown cell to an md tagged template over its interpolations", () => {
  const cell = compile("md:# Hello ${name} `code` \\ $");
  assert.deepEqual(cell.variables[0]!.inputs, ["name", "md"]);
  const md = (strings: TemplateStringsArray, ...values: unknown[]) => String.raw({raw: strings}, ...values);
  assert.equal(cell.variables[0]!.definition.call(undefined, "you", md), "# Hello you `code` \\ $");
});

test("compileCell() reports a syntax error with the cell's name, line and column", () => {
  const cell = compileCell(notebookOf("a = 1", "total = {\n  return 1 +;\n}").cells[1]!);
  assert.equal(cell.error?.kind, "syntax");
  assert.equal(cell.error?.describe(), "total (line 3:13): Unexpected token");
  assert.deepEqual(cell.defines, ["total"]);
});

test("compileCell() counts a syntax error's column in the file, not in the dedented source", () => {
  const html = [
    "<notebook>",
    '  <script id="1" type="module">',
    "    const m = 1;",
    "    const n = m +* 2;", // line 4: the * is at column 18 (4 spaces of indentation, then 13 characters)
    "  </script>",
    '  <script id="2" type="application/vnd.observable.javascript">x = 1 +* 2</script>', // line 6: column 70
    '  <script id="3" type="application/vnd.observable.javascript">',
    "    y = {",
    "      return 1 +* 2;", // line 9: column 17
    "    }",
    "  </script>",
    "</notebook>"
  ].join("\n");
  // Before: 4:14, 6:8 and 9:13, counted from the start of the source once its indentation was taken off.
  assert.deepEqual(
    parseNotebook(html).cells.map((cell) => compileCell(cell).error?.describe()),
    ["line 4:18: Unexpected token", "x (line 6:70): Unexpected token", "y (line 9:17): Unexpected token"]
  );
});

test("compileCell() lists literal FileAttachment names", () => {
  assert.deepEqual(compile('x = FileAttachment("data/a.csv").csv()').fileAttachments, ["data/a.csv"]);
});

test("compileCell() gives an HTML cell's tag the text as written, raw strings included (htl reads them)", () => {
  const cell = compile("html:<pre>C:\\temp `x` $5 ${n}</pre>");
  const html = (strings: TemplateStringsArray, ...values: unknown[]) => String.raw(strings, ...values);
  assert.equal(cell.variables[0]!.definition.call(undefined, 2, html), "<pre>C:\\temp `x` $5 2</pre>");
});

test("compileCell() compiles a TeX cell to tex.block over its raw text and interpolations", () => {
  const cell = compile("tex:\\frac{${n}}{2} `x` $");
  assert.deepEqual(cell.variables[0]!.inputs, ["n", "tex"]);
  const block = (strings: TemplateStringsArray, ...values: unknown[]) => String.raw(strings, ...values);
  const tex = {block};
  assert.equal(cell.variables[0]!.definition.call(undefined, 1, tex), "\\frac{1}{2} `x` $");
});

test("compileCell() compiles a DOT cell to dot over its raw text and interpolations", () => {
  const cell = compile('dot:digraph { ${a} -> b [label="x\\ly"] }');
  assert.deepEqual(cell.variables[0]!.inputs, ["a", "dot"]);
  const dot = (strings: TemplateStringsArray, ...values: unknown[]) => String.raw(strings, ...values);
  assert.equal(cell.variables[0]!.definition.call(undefined, "z", dot), 'digraph { z -> b [label="x\\ly"] }');
});

test("compileCell() names a template cell by its output attribute, so other cells can read what it renders", () => {
  const [tex, dot, md, bad] = (["tex", "dot", "md", "tex"] as const).map((mode, i) =>
    compileCell({...notebookOf("x").cells[0]!, mode, output: i === 3 ? "not a name" : `out${i}`})
  );
  assert.deepEqual(
    [tex, dot, md].map((cell) => [cell!.name, cell!.defines, cell!.variables[0]!.name]),
    [
      ["out0", ["out0"], "out0"],
      ["out1", ["out1"], "out1"],
      ["out2", ["out2"], "out2"]
    ]
  );
  assert.equal(bad!.error?.describe(), 'line 1: invalid output name: "not a name" (expected an identifier)');
});

test("compileCell() names a template cell that does not parse by its output, so its readers wait on it", () => {
  const cell = compileCell({...notebookOf("tex:x^{${n").cells[0]!, output: "formula"});
  assert.equal(cell.error?.kind, "syntax");
  assert.equal(cell.error?.cellName, "formula");
  assert.deepEqual(cell.defines, ["formula"]);
});
