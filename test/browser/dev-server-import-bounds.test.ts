// In a served page, a module beside the notebook that re-exports a module outside the served folder: the cell
// importing it fails with why, naming the notebook, the module and the specifier; the rest of the page runs.
import assert from "node:assert/strict";
import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import type {Browser} from "playwright-core";
import {startDevServer, type DevServer} from "../../src/runtime/vite/dev-server.ts";
import {cellText, launchChromium, openPage, waitForCellText} from "./support/chromium.ts";

let temp: string;
let server: DevServer;
let browser: Browser;

before(async () => {
  temp = await mkdtemp(join(tmpdir(), "phoenix-dev-bounds-"));
  const root = join(temp, "notebooks");
  await mkdir(join(root, "inside"), {recursive: true});
  await writeFile(join(temp, "outside.mjs"), `export const secret = "OUTSIDESECRET4";\n`);
  await writeFile(join(root, "inside", "mod.mjs"), `export {secret} from "../../outside.mjs";\n`);
  await writeFile(join(root, "inside", "fine.mjs"), `export const fine = "a module of the folder";\n`);
  await writeFile(
    join(root, "nb.html"),
    `<!doctype html>
<notebook>
<script id="1" type="module">
import {secret} from "./inside/mod.mjs";
display(secret);
</script>
<script id="2" type="module">
import {fine} from "./inside/fine.mjs";
display(fine);
</script>
</notebook>
`
  );
  server = await startDevServer({root, port: 0, logLevel: "silent"});
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (temp) await rm(temp, {recursive: true, force: true});
});

test("a served cell whose module re-exports one outside the folder fails with why; the others run", async () => {
  const {page} = await openPage(browser);
  await page.goto(`${server.url}nb.html`);
  await waitForCellText(page, 2, "a module of the folder");
  await waitForCellText(
    page,
    1,
    `nb.html: inside/mod.mjs cannot import "../../outside.mjs": it lies outside the notebook's folder`
  );
  assert.doesNotMatch(await cellText(page, 1), /OUTSIDESECRET4/);
  const outside = await fetch(new URL(`@fs${join(temp, "outside.mjs")}`, server.url));
  assert.ok([403, 404].includes(outside.status), `/@fs/…/outside.mjs answered ${outside.status}`);
});
