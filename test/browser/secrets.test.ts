import assert from "node:assert/strict";
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import type {Browser, Page} from "playwright-core";
import {startDevServer, type DevServer} from "../../src/runtime/vite/dev-server.ts";
import {launchChromium, openPage} from "./support/chromium.ts";

// A key from a password input reaches errors whole, inside a URL's credentials, and as a masked echo.
const notebook = `<!doctype html>
<notebook>
  <title>Secrets in errors</title>
  <script id="1" type="application/vnd.observable.javascript">
    viewof apiKey = Inputs.password({label: "API key", value: "sk-PRdefault0123456789Wxyz"})
  </script>
  <script id="2" type="application/vnd.observable.javascript">
    failing = {
      const masked = apiKey.slice(0, 5) + "***" + apiKey.slice(-4);
      throw new Error(\`POST http://me:\${apiKey}@127.0.0.2:9/v1: 401 for \${apiKey} (\${masked})\`);
    }
  </script>
</notebook>
`;

let dir: string;
let server: DevServer;
let browser: Browser;
let page: Page;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "phoenix-secrets-page-"));
  await writeFile(join(dir, "secrets.html"), notebook);
  server = await startDevServer({root: dir, port: 0, logLevel: "silent"});
  browser = await launchChromium();
  ({page} = await openPage(browser));
  await page.goto(`${server.url}secrets.html`);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, {recursive: true, force: true});
});

// The error's text once it mentions `marker`, so that a re-rendered error is read, not the one before it.
async function errorText(marker: string): Promise<string> {
  const selector = `.phx-cell[data-cell-id="2"][data-status="rejected"] .phx-error-message`;
  await page.waitForFunction(
    ([selector, marker]) => document.querySelector(selector)?.textContent?.includes(marker),
    [selector, marker] as const,
    {timeout: 30_000}
  );
  return page.$eval(selector, (element) => element.textContent ?? "");
}

test("a cell's error on the page shows no password input's value, whole, in a URL or masked", async () => {
  const text = await errorText("401");
  assert.equal(
    text,
    "failing (line 10): POST http://[redacted]@127.0.0.2:9/v1: 401 for [redacted] ([redacted])"
  );
});

test("a key typed into the password input is redacted from the errors that follow", async () => {
  await page.fill("input[type=password]", "typed-by-the-user-4242-abcd");
  const text = await errorText("[redacted] (");
  assert.ok(!/4242|typed-by|sk-PR|Wxyz|me:/.test(text), text);
  assert.match(text, /401 for \[redacted\]/);
});
