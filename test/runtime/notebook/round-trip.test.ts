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
      assert.deepEqual(
        again.cells.map(({line: _, ...cell}) => cell),
        notebook.cells.map(({line: _, ...cell}) => cell)
      );
    });
  }
}
