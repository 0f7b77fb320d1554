import assert from "node:assert/strict";
import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import type {Browser} from "playwright-core";
import {startDevServer, type DevServer} from "../../src/runtime/vite/dev-server.ts";
import {launchChromium, openPage, waitForCellText} from "./support/chromium.ts";

// A worker task that takes a while and says how far it is; the dev server serves it as a module.
const task = `export async function count({steps}, {progress}) {
  for (let i = 0; i < steps; ++i) {
    progress(i / steps, "step " + (i + 1) + " of " + steps);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return steps;
}
`;

const notebook = `<!doctype html>
<notebook>
  <title>Progress</title>
  <script id="1" type="application/vnd.observable.javascript">
    counted = worker.run({module: new URL("task.js", document.baseURI).href, export: "count"}, {steps: 12})
  </script>
</notebook>
`;

let dir: string;
let server: DevServer;
let browser: Browser;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "phoenix-progress-"));
  await writeFile(join(dir, "task.js"), task);
  await writeFile(join(dir, "progress.html"), notebook);
  server = await startDevServer({root: dir, port: 0, logLevel: "silent"});
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, {recursive: true, force: true});
});

test("a cell's worker progress shows as a bar and a stage in its place, then gives way to the value", async () => {
  const {page, errors} = await openPage(browser);
  await page.goto(`${server.url}progress.html`);
  const progress = ".phx-cell[data-cell-id='1'] .phx-progress";
  await page.waitForFunction(
    (selector) =>
      /^step ([4-9]|1[0-2]) of 12 · \d+%$/.test(
        document.querySelector(`${selector}:not([hidden])`)?.textContent ?? ""
      ),
    progress,
    {timeout: 30_000}
  );
  await mkdir("test-results", {recursive: true});
  await page.screenshot({path: "test-results/progress.png", clip: {x: 0, y: 0, width: 1100, height: 200}});
  const width = await page.$eval(`${progress} .phx-progress-bar`, (bar) => (bar as HTMLElement).style.width);
  assert.match(width, /^\d+%$/);
  await waitForCellText(page, 1, "counted = 12");
  assert.equal(await page.$eval(progress, (element) => (element as HTMLElement).hidden), true);
  assert.deepEqual(errors, []);
});
