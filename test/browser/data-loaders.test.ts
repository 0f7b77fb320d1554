// Data loader cells in a page: the build runs them and publishes their outputs beside the page, which reads
// them offline with no interpreter; the dev server shows a failing loader's message in its cell.
import assert from "node:assert/strict";
import {copyFile, mkdir, mkdtemp, readdir, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import type {Browser} from "playwright-core";
import {build} from "../../src/cli/build.ts";
import {cellText, launchChromium, openPage, waitForCellText} from "./support/chromium.ts";
import {serveStatic} from "./support/static-server.ts";

let browser: Browser;
const folders: string[] = [];

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await Promise.all(folders.map((folder) => rm(folder, {recursive: true, force: true})));
});

async function folder(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

test("a built page reads its loaders' outputs from its own site, with no interpreter", async () => {
  const notebooks = await folder("phoenix-loaders-src-");
  const out = await folder("phoenix-loaders-out-");
  await copyFile("test/fixtures/notebooks/data-loaders.html", join(notebooks, "data-loaders.html"));
  assert.equal(await build([join(notebooks, "data-loaders.html"), "--out", out]), 0);
  assert.equal((await readdir(join(out, "_loaders"))).length, 4, "one published output per loader");
  const server = await serveStatic(out);
  try {
    const {page, requests, errors} = await openPage(browser);
    await page.goto(`${server.origin}/data-loaders.html`);
    await waitForCellText(page, 1, "[9, 16, 25]");
    // 9 + 16 + 25 + 3 + 5, by hand
    await waitForCellText(page, 3, "total 58");
    await waitForCellText(page, 5, "badge 40x20");
    await waitForCellText(page, 6, "bold");
    assert.equal(await page.locator(".phx-cell[data-cell-id='6'] b").count(), 1, "html format is markup");
    assert.notEqual(await page.title(), "pwned", "the page's policy keeps the markup's handler from running");
    assert.equal(await page.locator(".phx-cell[data-cell-id='4'] img").count(), 1);
    await mkdir("test-results", {recursive: true});
    await page.screenshot({path: "test-results/data-loaders.png", fullPage: true});
    assert.deepEqual(errors, []);
    assert.deepEqual(
      requests.filter((url) => new URL(url).origin !== server.origin),
      [],
      "every request goes to the static server"
    );
    assert.ok(requests.some((url) => url.includes("/_loaders/")));
  } finally {
    await server.close();
  }
});

test("the dev server runs a notebook's loaders; a failing one shows its stderr and exit code in its cell", async () => {
  const {startDevServer} = await import("../../src/runtime/vite/dev-server.ts");
  const dir = await folder("phoenix-loaders-dev-");
  await writeFile(
    join(dir, "loaders.html"),
    `<!doctype html>
<notebook>
  <title>dev</title>
  <script id="1" type="text/x-python" output="broken" format="json">
    import sys
    print("no such table: sales", file=sys.stderr)
    sys.exit(4)
  </script>
  <script id="2" type="application/vnd.node.javascript" output="word" format="text">
    process.stdout.write("from node");
  </script>
</notebook>
`
  );
  const server = await startDevServer({root: dir, port: 0, logLevel: "silent"});
  try {
    const {page} = await openPage(browser);
    await page.goto(`${server.url}loaders.html`);
    await waitForCellText(page, 2, "from node");
    await waitForCellText(page, 1, "python3 exited with code 4");
    assert.match(await cellText(page, 1), /no such table: sales/);
  } finally {
    await server.close();
  }
});
