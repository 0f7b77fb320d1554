// JavaScript cells (<script type="module">) in a built page: display() in order in the cell's place, view()'s
// input driving the cells that read its output, an expression cell's value, a classic cell beside them, and
// imports bundled with the page (an npm package, a module beside the notebook, a dynamic import()), a
// missing package being its cell's error.
import assert from "node:assert/strict";
import {mkdir, mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {build} from "../../src/cli/build.ts";
import {cellText, moveSlider, openPage, waitForCellText} from "./support/chromium.ts";
import {builtSite} from "./support/built-site.ts";
import {serveStatic} from "./support/static-server.ts";
import {nodeBuiltinsFolder, refused} from "../fixtures/node-builtins.ts";

const site = builtSite("module-cells", "test/fixtures/notebooks/module-cells-page.html");

test("JavaScript cells display in order, and view()'s input drives the cells that read it", async () => {
  const {page, requests, errors} = await openPage(site.browser);
  await page.goto(`${site.origin}/module-cells-page.html`);
  await waitForCellText(page, 2, "sum of squares: 506,000");
  assert.match(await cellText(page, 2), /sum of squares: 506,000.*«last square: 121»/s);
  await waitForCellText(page, 3, "classic cell sees 12 squares");
  await waitForCellText(page, 4, "12000");
  assert.equal(await page.locator(".phx-cell[data-cell-id='1'] input[type=range]").count(), 1);
  assert.equal(
    await page.locator(".phx-cell[data-cell-id='2'] .phx-output").isHidden(),
    true,
    "no value but its displays"
  );

  await waitForCellText(page, 5, "«loaded later»");
  await waitForCellText(page, 6, "no-such-package-here is not installed (npm install no-such-package-here)");
  await waitForCellText(
    page,
    7,
    'cannot import "../../helpers/cli.ts": it lies outside the notebook\'s folder'
  );

  // A classic import cell and a classic import(), bundled with the page as a JavaScript cell's imports are.
  await waitForCellText(page, 9, "«classic 0.333»");

  await moveSlider(page, 3);
  await waitForCellText(page, 2, "sum of squares: 5,000");
  assert.doesNotMatch(await cellText(page, 2), /506/, "the previous run's displays gave way");
  await waitForCellText(page, 3, "classic cell sees 3 squares");
  await waitForCellText(page, 4, "3000");

  await mkdir("test-results", {recursive: true});
  await page.screenshot({path: "test-results/module-cells.png", fullPage: true});
  assert.deepEqual(
    errors.filter((error) => !error.includes("no-such-package-here")),
    []
  );
  assert.deepEqual(
    requests.filter((url) => new URL(url).origin !== site.origin),
    [],
    "every request goes to the static server"
  );
});

test("classic cells' require() and DOM work in a built page: bundled libraries, a required package bundled in", async () => {
  const classic = await mkdtemp(join(tmpdir(), "phoenix-classic-stdlib-"));
  try {
    assert.equal(await build(["test/fixtures/notebooks/classic-stdlib.html", "--out", classic]), 0);
    const server = await serveStatic(classic);
    try {
      const {page, requests} = await openPage(site.browser);
      await page.goto(`${server.origin}/classic-stdlib.html`);
      await waitForCellText(page, 3, "6");
      await waitForCellText(page, 4, "25.6%");
      await waitForCellText(page, 6, "0 0 100 50 true true");
      await waitForCellText(page, 7, "30");
      await waitForCellText(page, 8, "no-such-package-here is not installed");
      assert.deepEqual(
        requests.filter((url) => new URL(url).origin !== server.origin),
        [],
        "every request goes to the static server"
      );
    } finally {
      await server.close();
    }
  } finally {
    await rm(classic, {recursive: true, force: true});
  }
});

test("TypeScript cells run in a built page, compiled by the build (no TypeScript compiler ships)", async () => {
  const out = await mkdtemp(join(tmpdir(), "phoenix-typescript-"));
  try {
    assert.equal(await build(["test/fixtures/notebooks/typescript.html", "--out", out]), 0);
    const server = await serveStatic(out);
    try {
      const {page} = await openPage(site.browser);
      await page.goto(`${server.origin}/typescript.html`);
      await waitForCellText(page, 2, "7.236");
      // Compiled ahead, the page shows the compiler's own error at its place in the file, not only that it failed.
      await waitForCellText(page, 3, "Unexpected token");
      assert.match(await cellText(page, 3), /line 16:28\b/); // the file's column (the source's is 24)
    } finally {
      await server.close();
    }
  } finally {
    await rm(out, {recursive: true, force: true});
  }
});

test("the dev server bundles a notebook's imports too, for a notebook folder without node_modules of its own", async () => {
  const {copyFile} = await import("node:fs/promises");
  const {startDevServer} = await import("../../src/runtime/vite/dev-server.ts");
  const {pagePlugin} = await import("../../src/bindings/index.ts");
  const dir = await mkdtemp(join(tmpdir(), "phoenix-module-dev-"));
  for (const name of ["module-cells-page.html", "module-helper.js"])
    await copyFile(join("test/fixtures/notebooks", name), join(dir, name));
  const server = await startDevServer({root: dir, port: 0, logLevel: "silent", pagePlugins: [pagePlugin]});
  try {
    const {page, errors} = await openPage(site.browser);
    await page.goto(`${server.url}module-cells-page.html`);
    await waitForCellText(page, 2, "sum of squares: 506,000");
    await waitForCellText(page, 5, "«loaded later»");
    await waitForCellText(page, 6, "no-such-package-here is not installed");
    assert.deepEqual(
      errors.filter((error) => !error.includes("no-such-package-here")),
      []
    );
  } finally {
    await server.close();
    await rm(dir, {recursive: true, force: true});
  }
});

test("a built page refuses a cell's import of a Node built-in in the runner's words; a package under such a name loads", async (t) => {
  const dir = await nodeBuiltinsFolder();
  const out = await mkdtemp(join(tmpdir(), "phoenix-node-builtins-out-"));
  t.after(() => Promise.all([dir, out].map((d) => rm(d, {recursive: true, force: true}))));
  assert.equal(await build([join(dir, "node-builtins.html"), "--out", out, "--no-bake"]), 0);
  const server = await serveStatic(out);
  t.after(() => server.close());
  const {page} = await openPage(site.browser);
  await page.goto(`${server.origin}/node-builtins.html`);
  // Before, Vite gave each an empty stand-in: cell 2 fulfilled, cell 1 lacked `readFileSync`.
  await waitForCellText(page, 1, refused("node:fs"));
  await waitForCellText(page, 2, refused("fs"));
  await waitForCellText(page, 3, refused("node:crypto"));
  await waitForCellText(page, 4, refused("fs/promises"));
  await waitForCellText(page, 6, "AN INSTALLED PACKAGE NAMED AS A BUILT-IN");
});
