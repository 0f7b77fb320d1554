import assert from "node:assert/strict";
import {test} from "node:test";
import {NotebookFormatError, parseNotebook, serializeNotebook} from "../../../src/runtime/notebook/index.ts";

const html = `<!doctype html>
<notebook theme="air">
  <title>Digits &amp; drift</title>
  <script type="text/markdown">
    # Hello \${name}
  </script>
  <script id="7" type="application/vnd.observable.javascript" pinned>
    x = {
      return 1;
    }
  </script>
  <script type="text/html">
    <b>\${x}</b> <\\/script>
  </script>
</notebook>`;

test("parseNotebook() reads the title, theme and cells with their modes", () => {
  const notebook = parseNotebook(html);
  assert.equal(notebook.title, "Digits & drift");
  assert.equal(notebook.theme, "air");
  assert.deepEqual(
    notebook.cells.map((c) => [c.id, c.mode, c.pinned]),
    [
      [1, "md", false],
      [7, "ojs", true],
      [3, "html", false]
    ]
  );
});

test("parseNotebook() dedents sources, unescapes <\\/script and records each source's line", () => {
  const [md, ojs, htmlCell] = parseNotebook(html).cells;
  assert.equal(md!.source, "# Hello ${name}");
  assert.equal(ojs!.source, "x = {\n  return 1;\n}");
  assert.equal(htmlCell!.source, "<b>${x}</b> </script>");
  assert.deepEqual([md!.line, ojs!.line, htmlCell!.line], [5, 8, 13]);
});

test("serializeNotebook() then parseNotebook() gives back the same cells", () => {
  const notebook = parseNotebook(html);
  const again = parseNotebook(serializeNotebook(notebook));
  assert.equal(again.title, notebook.title);
  assert.deepEqual(
    again.cells.map(({line: _, ...cell}) => cell),
    notebook.cells.map(({line: _, ...cell}) => cell)
  );
});

test("parseNotebook() rejects an unknown cell type, naming the file and line", () => {
  const bad = `<notebook>\n<script type="text/python">print(1)</script>\n</notebook>`;
  assert.throws(
    () => parseNotebook(bad, "bad.html"),
    (error: unknown) =>
      error instanceof NotebookFormatError &&
      error.line === 2 &&
      /^bad\.html:2: unknown cell type: "text\/python"/.test(error.message)
  );
});

test("parseNotebook() rejects a file without <notebook> and an unclosed script", () => {
  assert.throws(() => parseNotebook("<html></html>", "a.html"), /a\.html:1: no <notebook> element/);
  assert.throws(
    () => parseNotebook("<notebook>\n\n<script type='text/markdown'># x"),
    /:3: <script> is never closed/
  );
});

test("parseNotebook() gives a cell whose id an earlier cell has a fresh id, as Notebook Kit does", () => {
  const dup = `<notebook><script id="4" type="text/markdown">a</script><script id="4" type="text/markdown">b</script></notebook>`;
  const {cells} = parseNotebook(dup);
  assert.deepEqual(
    cells.map((cell) => [cell.id, cell.source]),
    [
      [4, "a"],
      [5, "b"]
    ]
  );
});

test("parseNotebook() reads TeX and Graphviz cells, and serializeNotebook() writes them back as they were", () => {
  const file = `<notebook>
  <script id="4" type="application/x-tex" pinned output="formula">
    \\int_0^1 x\\,dx = \\frac{1}{2}
  </script>
  <script id="9" type="text/vnd.graphviz" hidden output="graph">
    digraph { a -> "\${name}" }
  </script>
</notebook>`;
  const notebook = parseNotebook(file);
  assert.deepEqual(
    notebook.cells.map(({line: _, ...cell}) => cell),
    [
      {
        id: 4,
        mode: "tex",
        source: "\\int_0^1 x\\,dx = \\frac{1}{2}",
        pinned: true,
        output: "formula",
        indent: 4
      },
      {
        id: 9,
        mode: "dot",
        source: 'digraph { a -> "${name}" }',
        pinned: false,
        hidden: true,
        output: "graph",
        indent: 4
      }
    ]
  );
  const written = serializeNotebook(notebook);
  assert.match(written, /<script id="4" type="application\/x-tex" pinned output="formula">/);
  assert.match(written, /<script id="9" type="text\/vnd\.graphviz" hidden output="graph">/);
  assert.deepEqual(
    parseNotebook(written).cells.map(({line: _, ...cell}) => cell),
    notebook.cells.map(({line: _, ...cell}) => cell)
  );
});
