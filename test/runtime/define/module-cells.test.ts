// JavaScript cells as Notebook Kit writes them (<script type="module">): top-level declarations are outputs that
// other cells read reactively; an expression cell shows its value; classic cells work beside them.
import assert from "node:assert/strict";
import {test} from "node:test";
import {notebookOf} from "../../helpers/notebook.ts";
import {defineHeadless} from "../../../src/runtime/headless/open-notebook.ts";
import {valueof} from "../../helpers/notebook.ts";
import type {Cell, Notebook} from "../../../src/runtime/notebook/types.ts";
import {readModuleCell} from "../../../src/runtime/compile/module-cell.ts";

/** A notebook of JavaScript cells (`js:` prefix) and classic ones. */
function notebook(...sources: string[]): Notebook {
  const base = notebookOf(...sources.map((source) => source.replace(/^js:/, "")));
  return {
    ...base,
    cells: base.cells.map((cell, i): Cell => (sources[i]!.startsWith("js:") ? {...cell, mode: "js"} : cell))
  };
}

async function evaluate(...sources: string[]) {
  const headless = defineHeadless(notebook(...sources), "/tmp/module-cells.html");
  assert.ok(await headless.recorder.whenSettled(30_000), "the notebook did not settle");
  // An output's value is its variable's (the cell's report shows what the cell displays).
  const output = (name: string) => headless.runtime.value(name);
  return {...headless, valueof: (name: string) => valueof(headless, name), output};
}

test("top-level const, let, function and class are outputs; other cells read them reactively", async () => {
  const nb = await evaluate(
    "js:const a = 1;\nlet [b, {c}] = [2, {c: 3}];\nfunction twice(x) { return 2 * x; }\nclass Point { constructor(x) { this.x = x; } }",
    "js:const sum = twice(a + b + c);",
    "js:new Point(sum).x * 10",
    "classic = sum + 1"
  );
  assert.equal(await nb.output("a"), 1);
  assert.equal(await nb.output("b"), 2);
  assert.equal(await nb.output("c"), 3);
  assert.equal(await nb.output("sum"), 12);
  assert.equal(nb.valueof("classic"), 13);
  assert.equal(nb.recorder.reports[2]!.value, 120, "an expression cell shows its value");
  assert.equal(nb.recorder.reports[0]!.compiled.name, "a, b, c, twice, Point");
  nb.runtime.dispose();
});

test("top-level await, and a cell that declares nothing and is no expression shows nothing", async () => {
  const nb = await evaluate(
    "js:const later = await new Promise((resolve) => setTimeout(() => resolve(5), 10));",
    "js:for (let i = 0; i < 3; ++i) {}"
  );
  assert.equal(await nb.output("later"), 5);
  assert.equal(nb.recorder.reports[1]!.status, "fulfilled");
  assert.equal(nb.recorder.reports[1]!.value, undefined);
  nb.runtime.dispose();
});

test("a classic cell's change recomputes the JavaScript cells that read it, and only those", async () => {
  const nb = await evaluate(
    "viewof n = Inputs.range([0, 10], {value: 1, step: 1})",
    "js:const m = n * 3;",
    "js:const k = 7;"
  );
  assert.equal(await nb.output("m"), 3);
  const kSettles = nb.recorder.report("k")!.settles;
  const view = nb.recorder.report("viewof n")!.value as HTMLElement & {value: number};
  view.value = 4;
  view.dispatchEvent(new Event("input", {bubbles: true}));
  await nb.recorder.whenSettled(5000);
  assert.equal(await nb.output("m"), 12);
  assert.equal(nb.recorder.report("k")!.settles, kSettles);
  nb.runtime.dispose();
});

test("errors stay in their JavaScript cell: syntax (with line), runtime, and readers wait on the outputs", async () => {
  const nb = await evaluate(
    "js:const x = (1 +;",
    "js:const y = x + 1;",
    "js:const boom = (() => { throw new Error('no'); })();",
    "js:const z = boom;",
    "js:const fine = 1;"
  );
  assert.match((nb.valueof("y") as {error: string}).error, /^(input|undefined): /);
  assert.equal(nb.recorder.reports[0]!.status, "rejected");
  assert.equal(nb.recorder.reports[0]!.error!.kind, "syntax");
  assert.equal(nb.recorder.reports[2]!.error!.describe(), "boom (line 3): no");
  assert.match((nb.valueof("z") as {error: string}).error, /^input: waits on boom, which failed: no/);
  assert.equal(await nb.output("fine"), 1);
  nb.runtime.dispose();
});

test("an export is a syntax error naming why", async () => {
  const nb = await evaluate("js:export const x = 1;");
  assert.equal(nb.recorder.reports[0]!.error!.kind, "syntax");
  assert.match(nb.recorder.reports[0]!.error!.message, /a cell does not export/);
  nb.runtime.dispose();
});

test("display() shows values in order; view() shows an input and makes its value a reactive output", async () => {
  const nb = await evaluate(
    "js:display(1);\ndisplay('two');\nconst n = view(Inputs.range([0, 10], {value: 3, step: 1}));",
    "js:const doubled = n * 2;"
  );
  const displays = nb.recorder.reports[0]!.displayed;
  assert.deepEqual(displays.slice(0, 2), [1, "two"]);
  const input = displays[2] as HTMLElement & {value: number};
  assert.equal(input.tagName, "FORM");
  assert.equal(await nb.output("doubled"), 6);
  input.value = 5;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  await nb.recorder.whenSettled(5000);
  assert.equal(await nb.output("doubled"), 10);
  assert.deepEqual(nb.recorder.reports[0]!.displayed.slice(0, 2), [1, "two"], "the input kept its run");
  nb.runtime.dispose();
});

test("imports: relative modules, npm: and bare package names resolve offline; a missing package says how to install it", async () => {
  const {mkdtemp, writeFile} = await import("node:fs/promises");
  const {join} = await import("node:path");
  const {tmpdir} = await import("node:os");
  const dir = await mkdtemp(join(tmpdir(), "module-imports-"));
  await writeFile(
    join(dir, "helper.js"),
    "export const greet = (name) => `hello ${name}`;\nexport default 42;\n"
  );
  const headless = defineHeadless(
    notebook(
      'js:import answer, {greet} from "./helper.js";\nconst greeting = greet("notebook");',
      'js:import {format} from "npm:d3-format@3";\nimport * as arrow from "apache-arrow";\nconst text = format(".2f")(answer);\nconst hasTable = typeof arrow.tableFromArrays;',
      'js:const later = (await import("./helper.js")).default + 1;',
      'js:import {nothing} from "no-such-package-here";'
    ),
    join(dir, "imports.html")
  );
  assert.ok(await headless.recorder.whenSettled(30_000));
  assert.equal(await headless.runtime.value("greeting"), "hello notebook");
  assert.equal(await headless.runtime.value("text"), "42.00");
  assert.equal(await headless.runtime.value("hasTable"), "function");
  assert.equal(await headless.runtime.value("later"), 43);
  assert.equal(
    headless.recorder.reports[3]!.error!.message,
    'cannot import "no-such-package-here": no-such-package-here is not installed (npm install no-such-package-here)'
  );
  headless.runtime.dispose();
});

test("a notebook with JavaScript cells reads back as written: parse → serialize → parse keeps every cell", async () => {
  const {readFile} = await import("node:fs/promises");
  const {parseNotebook, serializeNotebook} = await import("../../../src/runtime/notebook/index.ts");
  const file = new URL("../../fixtures/notebooks/module-cells.html", import.meta.url);
  const first = parseNotebook(await readFile(file, "utf8"));
  assert.deepEqual(
    first.cells.map((cell) => cell.mode),
    ["md", "js", "js", "ojs", "js"]
  );
  const again = parseNotebook(serializeNotebook(first));
  assert.deepEqual(
    again.cells.map(({id, mode, source}) => ({id, mode, source})),
    first.cells.map(({id, mode, source}) => ({id, mode, source}))
  );
  assert.match(serializeNotebook(first), /<script id="2" type="module">/);
});

test("a cell that is one expression shows its value: in parentheses, with await, a comment or a semicolon, an object literal", async () => {
  const nb = await evaluate(
    "js:(1 + 2)",
    "js:({x: 1})",
    "js:(() => 42)()",
    "js:(await Promise.resolve(5)) // five",
    "js:(2 * 3);",
    "js:{a: 1, b: [2]}",
    "js:{}",
    "js:// a comment first\n{n: 4}",
    "js:function named() { return 1; }",
    "js:named() + 1"
  );
  const values = nb.recorder.reports.map((report) => [report.status, report.value]);
  assert.deepEqual(values.slice(0, 8), [
    ["fulfilled", 3],
    ["fulfilled", {x: 1}],
    ["fulfilled", 42],
    ["fulfilled", 5],
    ["fulfilled", 6],
    ["fulfilled", {a: 1, b: [2]}],
    ["fulfilled", {}],
    ["fulfilled", {n: 4}]
  ]);
  assert.equal(typeof (await nb.output("named")), "function", "a named function is a declaration");
  assert.deepEqual(values[9], ["fulfilled", 2]);
  nb.runtime.dispose();
});

test("an expression that calls display() or view() shows what they show, not its own value too", async () => {
  const nb = await evaluate("js:display('once')", "js:view(Inputs.range([0, 10], {value: 3, step: 1}))");
  const [shown, viewed] = nb.recorder.reports;
  assert.deepEqual(shown!.displayed, ["once"]);
  assert.equal(shown!.value, undefined);
  assert.equal((viewed!.displayed[0] as HTMLElement).tagName, "FORM");
  assert.equal(viewed!.displayed.length, 1);
  assert.equal(viewed!.value, undefined);
  nb.runtime.dispose();
});

test("import() in a classic cell resolves relative to the notebook, as a JavaScript cell's does", async () => {
  const {mkdtemp, mkdir, writeFile} = await import("node:fs/promises");
  const {join} = await import("node:path");
  const {tmpdir} = await import("node:os");
  const dir = await mkdtemp(join(tmpdir(), "classic-imports-"));
  await mkdir(join(dir, "sub"));
  await writeFile(join(dir, "sub", "helper.mjs"), "export const answer = 42;\n");
  const headless = defineHeadless(
    notebook(
      'rel = import("./sub/helper.mjs")',
      "viewof n = Inputs.range([0, 10], {value: 1, step: 1})",
      'both = { const m = await import("./sub/helper.mjs"); return m.answer + n + viewof n.value; }'
    ),
    join(dir, "imports.html")
  );
  assert.ok(await headless.recorder.whenSettled(30_000));
  assert.equal(((await headless.runtime.value("rel")) as {answer: number}).answer, 42);
  assert.equal(await headless.runtime.value("both"), 44);
  headless.runtime.dispose();
});

test("importing a name the module does not export is an error naming it, as an ES import is", async () => {
  const {mkdtemp, writeFile} = await import("node:fs/promises");
  const {join} = await import("node:path");
  const {tmpdir} = await import("node:os");
  const dir = await mkdtemp(join(tmpdir(), "module-exports-"));
  await writeFile(join(dir, "named.js"), "export const answer = 42;\n");
  const headless = defineHeadless(
    notebook(
      'js:import {formatt} from "npm:d3-format";',
      'js:import fallback, {answer} from "./named.js";',
      'js:import {answer as a, "answer" as b} from "./named.js";\nconst sum = a + b;'
    ),
    join(dir, "exports.html")
  );
  assert.ok(await headless.recorder.whenSettled(30_000));
  const [typo, noDefault, fine] = headless.recorder.reports;
  assert.equal(
    typo!.error!.message,
    'The requested module "npm:d3-format" does not provide an export named "formatt"'
  );
  assert.equal(
    noDefault!.error!.message,
    'The requested module "./named.js" does not provide an export named "default"'
  );
  assert.equal(fine!.status, "fulfilled");
  assert.equal(await headless.runtime.value("sum"), 84);
  headless.runtime.dispose();
});

test("a classic import cell imports a package or a file; another Observable notebook is an error saying why", async () => {
  const nb = await evaluate(
    'import {format} from "npm:d3-format@3"',
    'text = format(".2f")(2)',
    'import {chart} from "@d3/bar-chart"',
    'import {chart as c} with {data} from "npm:d3-format"'
  );
  assert.equal(nb.valueof("text"), "2.00");
  assert.match(
    nb.recorder.reports[2]!.error!.message,
    /^import from "@d3\/bar-chart": importing another Observable notebook needs observablehq\.com/
  );
  assert.match(nb.recorder.reports[3]!.error!.message, /with injects into another notebook/);
  nb.runtime.dispose();
});

test("assigning a name the cell does not declare is an error saying so, at the cell's own line and column", async () => {
  const nb = await evaluate("js:foo = 5;", "js:const x = 1;\n  bar = x;");
  const [first, second] = nb.recorder.reports;
  assert.equal(
    first!.error!.describe(),
    "line 1:1: assignment to foo, which this cell does not declare: a cell assigns only its own names (const foo = …)"
  );
  assert.equal(second!.error!.line, 3);
  assert.equal(second!.error!.column, 3);
  nb.runtime.dispose();
});

test("imports are hoisted, as in an ES module: code above an import reads its names; modules load before any code runs", async () => {
  const {mkdtemp, writeFile} = await import("node:fs/promises");
  const {join} = await import("node:path");
  const {tmpdir} = await import("node:os");
  const dir = await mkdtemp(join(tmpdir(), "module-hoist-"));
  await writeFile(join(dir, "double.js"), "export const double = (x) => 2 * x;\n");
  await writeFile(join(dir, "order.js"), "export const loaded = [];\n");
  await writeFile(join(dir, "side.js"), 'import {loaded} from "./order.js";\nloaded.push("side");\n');
  const headless = defineHeadless(
    notebook(
      'js:const eight = double(4);\nimport {double} from "./double.js";',
      // The side-effect import runs before the cell's first statement, as ES modules evaluate imports first.
      'js:const seen = [...loaded];\nimport "./side.js";\nimport {loaded} from "./order.js";'
    ),
    join(dir, "hoist.html")
  );
  assert.ok(await headless.recorder.whenSettled(30_000));
  const [uses, side] = headless.recorder.reports;
  assert.equal(uses!.status, "fulfilled", uses!.error?.message ?? "");
  assert.equal(await headless.runtime.value("eight"), 8);
  assert.equal(side!.status, "fulfilled", side!.error?.message ?? "");
  assert.deepEqual(await headless.runtime.value("seen"), ["side"]);
  headless.runtime.dispose();
  // Line for line: each line after the first holds what it held (stack traces and errors map back to the cell).
  const source = 'const a = twice(1);\nimport {\n  double as twice\n} from "./double.js";\nconst b = a + 1;';
  const body = readModuleCell(source).body.split("\n");
  assert.equal(body.length, 5);
  assert.match(
    body[0]!,
    /^const \{double: twice\} = .*await __import__\("\.\/double\.js"\).*;\s*const a = twice\(1\);$/
  );
  assert.deepEqual(body.slice(1), ["", "", "", "const b = a + 1;"]);
});
