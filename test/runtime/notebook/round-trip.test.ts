import assert from "node:assert/strict";
import {readdir, readFile} from "node:fs/promises";
import {test} from "node:test";
import {CellId, parseNotebook, serializeNotebook} from "../../../src/runtime/notebook/index.ts";

const directories = ["../../../notebooks/", "../../fixtures/notebooks/"].map(
  (path) => new URL(path, import.meta.url)
);

for (const directory of directories) {
  for (const name of (await readdir(directory)).filter((file) => file.endsWith(".html"))) {
    test(`serializeNotebook(parseNotebook(${name})) gives back the same cells`, async () => {
      const notebook = parseNotebook(await readFile(new URL(name, directory), "utf8"), name);
      assert.ok(notebook.cells.length > 0);
      const again = parseNotebook(serializeNotebook(notebook));
      assert.equal(again.title, notebook.title);
      assert.equal(again.theme, notebook.theme);
      assert.equal(again.readonly, notebook.readonly);
      assert.deepEqual(
        again.cells.map(({line: _, ...cell}) => cell),
        notebook.cells.map(({line: _, ...cell}) => cell)
      );
    });
  }
}

test("parseNotebook() reads the notebook's theme and readonly and the cells' pinned, hidden and output", async () => {
  const notebook = parseNotebook(
    await readFile(new URL("../../fixtures/notebooks/attributes.html", import.meta.url), "utf8")
  );
  assert.equal(notebook.theme, "slate");
  assert.equal(notebook.readonly, true);
  assert.deepEqual(
    notebook.cells.map(({id, mode, pinned, hidden, output}) => ({id, mode, pinned, hidden, output})),
    [
      {id: 10, mode: "js", pinned: true, hidden: undefined, output: undefined},
      {id: 11, mode: "js", pinned: false, hidden: true, output: undefined},
      {id: 12, mode: "md", pinned: false, hidden: undefined, output: "intro"}
    ]
  );
  assert.match(serializeNotebook(notebook), /<notebook theme="slate" readonly>/);
  assert.match(serializeNotebook(notebook), /<script id="11" type="module" hidden>/);
  assert.match(serializeNotebook(notebook), /<script id="12" type="text\/markdown" output="intro">/);
});

test("parseNotebook() reads data loader cells and their format; serializeNotebook() writes them back byte for byte", async () => {
  const html = await readFile(new URL("../../fixtures/notebooks/data-loaders.html", import.meta.url), "utf8");
  const notebook = parseNotebook(html);
  assert.deepEqual(
    notebook.cells.map(({mode, output, format}) => `${mode} ${output} ${format}`),
    [
      "node squares json",
      "python fruit csv",
      "ojs undefined undefined",
      "node badge svg",
      "ojs undefined undefined",
      "python snippet html"
    ]
  );
  const written = serializeNotebook(notebook);
  assert.match(
    written,
    /<script id="1" type="application\/vnd.node.javascript" pinned output="squares" format="json">/
  );
  assert.match(written, /<script id="2" type="text\/x-python" output="fruit" format="csv">/);
  assert.equal(serializeNotebook(parseNotebook(written)), written);
});

test("a source holding </script>, <\\/script> or <\\\\/script> reads back as written, and Notebook Kit's escape reads", () => {
  const sources = [
    "html`<p>x</p></script>`",
    'text.replace(/<\\/script>/g, "")', // a regular expression that itself escapes the slash
    "String.raw`<\\\\/script >`",
    "`</SCRIPT\n>`",
    "`</scripts>` // not an end tag"
  ];
  const notebook = {
    title: "t",
    cells: sources.map((source, i) => ({
      id: CellId.create(i + 1),
      mode: "js" as const,
      source,
      pinned: false,
      line: 1
    }))
  };
  const html = serializeNotebook(notebook);
  assert.deepEqual(
    parseNotebook(html).cells.map(({source}) => source),
    sources
  );
  // Notebook Kit writes the regular expression's `<\/script>` as `<\\/script>` and takes one backslash off.
  const kit = `<notebook><script id="1" type="module">
    s.replace(/<\\\\/script>/g, "")
  </script></notebook>`;
  assert.equal(parseNotebook(kit).cells[0]!.source, 's.replace(/<\\/script>/g, "")');
});

test("parseNotebook() reads a script with no type or a JavaScript type as a JavaScript cell, and a non-numeric id as its position", () => {
  const notebook = parseNotebook(`<notebook>
  <script>a = 1</script>
  <script type="text/javascript" id="intro">b = 2</script>
  <script type="application/javascript" id="7">c = 3</script>
  <script type="module" id="1.5">d = 4</script>
</notebook>`);
  assert.deepEqual(
    notebook.cells.map(({id, mode}) => [id, mode]),
    [
      [1, "js"],
      [2, "js"],
      [7, "js"],
      [4, "js"]
    ]
  );
});
