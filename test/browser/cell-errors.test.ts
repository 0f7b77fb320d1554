import assert from "node:assert/strict";
import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import type {Browser, Page} from "playwright-core";
import {startDevServer, type DevServer} from "../../src/runtime/vite/dev-server.ts";
import {cellText, launchChromium, openPage, waitForCellText} from "./support/chromium.ts";

// Line numbers matter: b throws on line 10, c reads b on line 14, e does not parse on line 20.
const notebook = `<!doctype html>
<notebook>
  <title>Errors in place</title>
  <script id="1" type="application/vnd.observable.javascript">
    a = 1
  </script>
  <script id="2" type="application/vnd.observable.javascript">
    b = {
      const x = a + 1;
      throw new Error("boom at " + x);
    }
  </script>
  <script id="3" type="application/vnd.observable.javascript">
    c = b * 2
  </script>
  <script id="4" type="application/vnd.observable.javascript">
    d = a + 41
  </script>
  <script id="5" type="application/vnd.observable.javascript">
    e = (
  </script>
  <script id="6" type="text/markdown" pinned>
    # a is \${a}
  </script>
</notebook>
`;

let dir: string;
let server: DevServer;
let browser: Browser;
let page: Page;
let errors: string[];

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "phoenix-errors-"));
  await writeFile(join(dir, "errors.html"), notebook);
  server = await startDevServer({root: dir, port: 0, logLevel: "silent"});
  browser = await launchChromium();
  ({page, errors} = await openPage(browser));
  await page.goto(`${server.url}errors.html`);
  await waitForCellText(page, 6, "a is 1");
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, {recursive: true, force: true});
});

async function errorOf(id: number): Promise<{kind: string; message: string}> {
  await page.waitForSelector(`.phx-cell[data-cell-id="${id}"][data-status="rejected"] .phx-error`);
  return page.$eval(`.phx-cell[data-cell-id="${id}"] .phx-error`, (error) => ({
    kind: error.querySelector(".phx-error-label")?.textContent ?? "",
    message: error.querySelector(".phx-error-message")?.textContent ?? ""
  }));
}

test("a cell that throws shows its error in place, with its name and the line that threw", async () => {
  assert.deepEqual(await errorOf(2), {kind: "Error", message: "b (line 10): boom at 2"});
});

test("a cell whose input failed says it waits on that input", async () => {
  const {kind, message} = await errorOf(3);
  assert.equal(kind, "Waiting on a failed input");
  assert.match(message, /^c \(line 14\): waits on b, which failed/);
});

test("a cell that does not parse shows a syntax error at its line", async () => {
  const {kind, message} = await errorOf(5);
  assert.equal(kind, "Syntax error");
  assert.match(message, /^e \(line 20:\d+\): /);
});

test("the other cells render around the failures", async () => {
  await waitForCellText(page, 4, "d = 42");
  assert.match(await cellText(page, 1), /a = 1/);
  assert.equal(
    await page.$eval(".phx-cell[data-cell-id='6'] .phx-source", (pre) => pre.textContent),
    "# a is ${a}"
  );
  await mkdir("test-results", {recursive: true});
  await page.screenshot({path: "test-results/cell-errors.png", fullPage: true});
  assert.deepEqual(errors, [], "no error escapes to the page");
});
