import assert from "node:assert/strict";
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import type {Browser, Page} from "playwright-core";
import {startDevServer, type DevServer} from "../../src/runtime/vite/dev-server.ts";
import {launchChromium, openPage, waitForCellText} from "./support/chromium.ts";
import {lowContrast} from "./support/contrast.ts";

// One output of each kind the inspector colours (numbers, strings, atoms, keys, dates, functions, the
// collapsed and expanded forms, a prototype key), an error, and a pinned cell's source.
const cells = [
  "n = 42",
  's = "a string"',
  "flags = [true, null, undefined]",
  "object = ({key: 1, nested: {date: new Date(0), re: /x+/g, big: 10n, sym: Symbol('s')}})",
  "f = function named(x) { return x; }",
  "empty = ({})",
  "map = new Map([['a', 1]])",
  'broken = { throw new Error("an error") }',
  "waits = broken + 1"
];
const notebook = `<!doctype html>
<notebook>
  <title>Contrast</title>
${cells.map((source, i) => `  <script id="${i + 1}" type="application/vnd.observable.javascript"${i === 0 ? " pinned" : ""}>${source}</script>`).join("\n")}
  <script id="${cells.length + 1}" type="text/markdown">The end: \${n}</script>
</notebook>
`;

let dir: string;
let server: DevServer;
let browser: Browser;
let page: Page;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "phoenix-contrast-"));
  await writeFile(join(dir, "contrast.html"), notebook);
  server = await startDevServer({root: dir, port: 0, logLevel: "silent"});
  browser = await launchChromium();
  ({page} = await openPage(browser));
  await page.goto(`${server.url}contrast.html`);
  await waitForCellText(page, cells.length + 1, "The end: 42");
  // Expand the object and the map, so that their keys and nested values show.
  for (const id of [4, 7]) await page.click(`.phx-cell[data-cell-id="${id}"] .observablehq--collapsed`);
  await page.click(`.phx-cell[data-cell-id="4"] .observablehq--expanded .observablehq--collapsed`);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, {recursive: true, force: true});
});

test("every text of a notebook page, its values, errors and pinned source, has WCAG AA contrast in either scheme", async () => {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({colorScheme});
    // Before: in light, a number was #20a5ba on white (2.94:1), a string #008ec4 (3.71:1), null #10a778
    // (3.08:1); in dark, the collapsed object's text was #1b1e23 on #16181d (1.06:1).
    assert.deepEqual(await lowContrast(page), [], colorScheme);
    await page.screenshot({path: `test-results/page-contrast-${colorScheme}.png`, fullPage: true});
  }
});

test("a cell's editor (CodeMirror, with the cell's code highlighted) has WCAG AA contrast in either scheme", async () => {
  await page.click(`.phx-cell[data-cell-id="4"] .phx-edit-bar button[data-action="edit"]`);
  await page.waitForSelector(`.phx-cell[data-cell-id="4"] .cm-editor .cm-line`);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({colorScheme});
    assert.deepEqual(await lowContrast(page), [], colorScheme);
    await page.screenshot({path: `test-results/page-contrast-editor-${colorScheme}.png`, fullPage: true});
  }
});
