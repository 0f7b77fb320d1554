// The runner's imports keep to the page's bounds: a module of the notebook's folder, never a dotfile, never a
// file outside the folder, whichever module imports it (the cell itself, or a module beside the notebook).
import assert from "node:assert/strict";
import {mkdir, mkdtemp, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {nodeImporter} from "../../../src/runtime/stdlib/import-node.ts";
import {packageRoot} from "../../../src/runtime/vite/paths.ts";

let temp: string;
let importModule: ReturnType<typeof nodeImporter>;

// nb/ holds the notebook and its modules; beside it, what none of them may import.
before(async () => {
  temp = await mkdtemp(join(tmpdir(), "phoenix-import-node-"));
  const nb = join(temp, "nb");
  await mkdir(join(nb, ".git"), {recursive: true});
  await mkdir(join(nb, "lib"));
  await writeFile(join(temp, "outside.mjs"), `export const secret = "OUTSIDE8";\n`);
  await writeFile(join(temp, "secret.txt"), "SECRET8\n");
  await writeFile(join(nb, ".git", "config"), "url=https://user:GITPASS8@host\n");
  await writeFile(join(nb, ".hidden.mjs"), `export const hidden = "HIDDEN8";\n`);
  await writeFile(join(nb, "reexport.mjs"), `export {secret} from "../outside.mjs";\n`);
  await writeFile(join(nb, "raw.mjs"), `export {default as text} from "../secret.txt?raw";\n`);
  await writeFile(join(nb, "dot.mjs"), `export {hidden} from "./.hidden.mjs";\n`);
  await writeFile(join(nb, "lib", "mark.mjs"), `export const mark = "FINE8";\n`);
  await writeFile(
    join(nb, "fine.mjs"),
    `export {mark} from "./lib/mark.mjs";\nimport {format} from "d3-format";\nexport const n = format(",")(1234);\n`
  );
  await symlink(join(temp, "outside.mjs"), join(nb, "link.mjs"));
  await symlink(join(packageRoot, "node_modules"), join(nb, "node_modules"));
  importModule = nodeImporter(join(nb, "nb.html"));
});

after(async () => {
  if (temp) await rm(temp, {recursive: true, force: true});
});

test("nodeImporter() refuses a cell's import of a dotfile or of a module outside the notebook's folder", async () => {
  const outside = "it lies outside the notebook's folder";
  const dotfile = "it is a dotfile; dotfiles are never published";
  await assert.rejects(importModule("../outside.mjs"), {
    message: `cannot import "../outside.mjs": ${outside}`
  });
  await assert.rejects(importModule("./.hidden.mjs"), {message: `cannot import "./.hidden.mjs": ${dotfile}`});
  await assert.rejects(importModule("./.git/config?raw"), {
    message: `cannot import "./.git/config?raw": ${dotfile}`
  });
  await assert.rejects(importModule("./link.mjs"), {
    message: `cannot import "./link.mjs": it is a link to ${join(temp, "outside.mjs")}, outside the notebook's folder`
  });
});

test("nodeImporter() refuses what a module beside the notebook imports from outside its folder, or a dotfile", async () => {
  const outside = "it lies outside the notebook's folder";
  await assert.rejects(importModule("./reexport.mjs"), {
    message: `nb.html: reexport.mjs cannot import "../outside.mjs": ${outside}`
  });
  await assert.rejects(importModule("./raw.mjs"), {
    message: `nb.html: raw.mjs cannot import "../secret.txt?raw": ${outside}`
  });
  await assert.rejects(importModule("./dot.mjs"), {
    message: `nb.html: dot.mjs cannot import "./.hidden.mjs": it is a dotfile; dotfiles are never published`
  });
});

test("nodeImporter() imports a module beside the notebook with what it imports: a module of the folder, a package", async () => {
  assert.deepEqual({...(await importModule("./fine.mjs"))}, {mark: "FINE8", n: "1,234"});
});
