// A cell that imports a Node built-in: the runner refuses it by name, as the page does, since the page has none.
import assert from "node:assert/strict";
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {nodeBuiltinsFolder, refused} from "../fixtures/node-builtins.ts";
import {cli} from "../helpers/cli.ts";
import {noSuchModule} from "../../src/runtime/stdlib/import-module.ts";

test("run refuses a cell's import of a Node built-in by its name; a package installed under such a name imports", async (t) => {
  const dir = await nodeBuiltinsFolder();
  t.after(() => rm(dir, {recursive: true, force: true}));
  const report = join(dir, "report.json");
  const {code} = await cli(["run", join(dir, "node-builtins.html"), "--json", report]);
  assert.equal(code, 1);
  const {cells} = JSON.parse(await readFile(report, "utf8")) as {cells: Record<string, unknown>[]};
  // Before: "Cannot find module '/the/working/directory/node:fs' imported from …/import-node.ts".
  assert.deepEqual(
    cells.map((cell) => cell["error"] ?? cell["value"]).filter((_, i) => i !== 4),
    [
      `readFileSync, a (line 5): ${refused("node:fs")}`,
      `fs, b (line 9): ${refused("fs")}`,
      `createHash, c (line 13): ${refused("node:crypto")}`,
      `d (line 17): ${refused("fs/promises")}`,
      // Cell 6 shows cell 5's output: what the installed `events` package's function returned.
      "AN INSTALLED PACKAGE NAMED AS A BUILT-IN"
    ]
  );
});

test("run refuses what a module beside the notebook imports from outside its folder, as the page does", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "phoenix-run-bounds-"));
  t.after(() => rm(dir, {recursive: true, force: true}));
  await mkdir(join(dir, "nb"));
  await writeFile(join(dir, "outside.mjs"), `export const secret = "OUTSIDE9";\n`);
  await writeFile(join(dir, "nb", "mod.mjs"), `export {secret} from "../outside.mjs";\n`);
  await writeFile(
    join(dir, "nb", "nb.html"),
    `<notebook>\n<script id="1" type="module">\nimport {secret} from "./mod.mjs";\n</script>\n</notebook>\n`
  );
  const report = join(dir, "report.json");
  const {code} = await cli(["run", join(dir, "nb", "nb.html"), "--json", report]);
  assert.equal(code, 1);
  const {cells} = JSON.parse(await readFile(report, "utf8")) as {cells: Record<string, unknown>[]};
  // Before: the cell's value was "OUTSIDE9".
  assert.deepEqual(
    cells.map((cell) => cell["error"] ?? cell["value"]),
    [
      `secret (line 3): nb.html: mod.mjs cannot import "../outside.mjs": it lies outside the notebook's folder`
    ]
  );
});

test("run names a missing relative module in the page's words, not the package's own file", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "phoenix-run-missing-"));
  t.after(() => rm(dir, {recursive: true, force: true}));
  await mkdir(join(dir, "sub"));
  // A module that is there but imports one that is not: its own error, which names its own file.
  await writeFile(join(dir, "sub", "helper.mjs"), 'export {x} from "./gone.mjs";\n');
  await writeFile(
    join(dir, "imports.html"),
    `<notebook>
  <script id="1" type="module">
    import {x} from "./sub/missing.mjs";
  </script>
  <script id="2" type="module">
    import {x as y} from "./sub/helper.mjs";
  </script>
</notebook>
`
  );
  const report = join(dir, "report.json");
  const {code} = await cli(["run", join(dir, "imports.html"), "--json", report]);
  assert.equal(code, 1);
  const {cells} = JSON.parse(await readFile(report, "utf8")) as {cells: {error?: string}[]};
  // Before: "Cannot find module '…/sub/missing.mjs' imported from …/src/runtime/stdlib/import-node.ts".
  assert.equal(
    cells[0]!.error,
    'x (line 3): cannot import "./sub/missing.mjs": no such module beside the notebook'
  );
  assert.equal(noSuchModule("./sub/missing.mjs"), cells[0]!.error!.slice("x (line 3): ".length)); // the page's
  assert.match(cells[1]!.error!, /gone\.mjs/);
  assert.doesNotMatch(cells[1]!.error!, /import-node/);
});
