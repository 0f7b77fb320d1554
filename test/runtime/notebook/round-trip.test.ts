import assert from "node:assert/strict";
import {readdir, readFile} from "node:fs/promises";
import {test} from "node:test";
import {parseNotebook, serializeNotebook} from "../../../src/runtime/notebook/index.ts";

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
