import assert from "node:assert/strict";
import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {test} from "node:test";
import type {Page} from "playwright-core";
import {builtSite} from "./support/built-site.ts";
import {cellText, openPage, waitForCellText} from "./support/chromium.ts";

// A built page runs the functions its build wrote (compile/ahead.ts). Line numbers matter, as in
// cell-errors.test.ts (the dev server's page): b throws on line 10, e does not parse on line 20.
const notebook = `<!doctype html>
<notebook>
  <title>Built cells</title>
  <script id="1" type="application/vnd.observable.javascript">
    a = 1
  </script>
  <script id="2" type="application/vnd.observable.javascript">
    b = {
      const x = a + 1;
      throw new Error("boom at " + x);
    }
  </script>
  <script id="3" type="text/markdown">
    # a is \${a}
  </script>
  <script id="4" type="application/vnd.observable.javascript">
    d = a + 41
  </script>
  <script id="5" type="application/vnd.observable.javascript">
    e = (
  </script>
  <script id="6" type="module">
    const m = a * 3;
    display(\`m is \${m}\`);
  </script>
</notebook>
`;

const site = builtSite("built-cells", async (dir) => {
  await writeFile(join(dir, "cells.html"), notebook);
  return join(dir, "cells.html");
});

async function errorOf(page: Page, id: number): Promise<string> {
  await page.waitForSelector(`.phx-cell[data-cell-id="${id}"][data-status="rejected"] .phx-error`);
  return page.$eval(
    `.phx-cell[data-cell-id="${id}"] .phx-error-message`,
    (message) => message.textContent ?? ""
  );
}

test("a built page's cell that throws names the notebook line that threw (the build's line table)", async () => {
  const {page} = await openPage(site.browser);
  await page.goto(`${site.origin}/cells.html`);
  assert.equal(await errorOf(page, 2), "b (line 10): boom at 2");
  assert.match(await errorOf(page, 5), /^e \(line 20:\d+\): /);
});

test("a built page's cells run under a policy without 'unsafe-eval': the page evaluates no code for them", async () => {
  // The same page under its own policy less 'unsafe-eval' (which the site keeps for d3-dsv and Arrow).
  const html = await readFile(join(site.outDir, "cells.html"), "utf8");
  const strict = html.replace(/ 'unsafe-eval'(?= )/, "");
  assert.notEqual(strict, html, "the built page's policy had 'unsafe-eval'");
  await writeFile(join(site.outDir, "cells-no-eval.html"), strict);
  const {page, errors} = await openPage(site.browser);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as {violations?: string[]}).violations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`)
    );
  });
  await page.goto(`${site.origin}/cells-no-eval.html`);
  await waitForCellText(page, 3, "a is 1");
  await waitForCellText(page, 4, "42");
  await waitForCellText(page, 6, "m is 3");
  assert.equal(await errorOf(page, 2), "b (line 10): boom at 2");
  assert.match(await cellText(page, 1), /1/);
  assert.deepEqual(await page.evaluate(() => (globalThis as {violations?: string[]}).violations), []);
  assert.deepEqual(errors, []);
});
