// Attachment names a URL would read otherwise (`#` a fragment, `?` a query, `%` an escape; spaces and accents)
// in chromium: the dev server's page, a built page on a static server and a single-file page each read the
// file's very bytes, as `run` does. Before, the page fetched `data/sub%20dir/%C3%BCn%C3%AF%20c%C3%B4de` (the
// rest taken as query and fragment) and `data/100%.csv` (a malformed URI: the dev server answered 500).
import assert from "node:assert/strict";
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {after, before, test} from "node:test";
import type {Browser, Page} from "playwright-core";
import {build} from "../../src/cli/build.ts";
import {startDevServer, type DevServer} from "../../src/runtime/vite/dev-server.ts";
import {launchChromium, openPage, waitForCellText} from "./support/chromium.ts";
import {serveStatic} from "./support/static-server.ts";

const NAMES = ["data/sub dir/ünï côde#1?.json", "data/100%.csv", "data/a+b=c&d;e@f.txt"];
const FETCHED = NAMES[2]!;

// Each cell shows the JSON of the file's text and of its url() as text, so the test compares exact characters.
const NOTEBOOK = `<!doctype html>
<notebook>
  <title>Attachment names</title>
${NAMES.map(
  (name, i) => `  <script id="${i + 1}" type="module">
    const file${i} = FileAttachment(${JSON.stringify(name)});
    const json${i} = JSON.stringify({text: await file${i}.text(), url: String(await file${i}.url())});
    display(Object.assign(document.createElement("pre"), {textContent: json${i}}));
  </script>`
).join("\n")}
  <script id="${NAMES.length + 1}" type="module">
    // A cell's own fetch names the file as a URL would: "+", "=", "&", ";", "@" unencoded.
    const fetched = await (await fetch(${JSON.stringify(FETCHED)})).text();
    display(Object.assign(document.createElement("pre"), {textContent: JSON.stringify({text: fetched, url: ""})}));
  </script>
</notebook>
`;

let source: string;
let out: string;
let browser: Browser;
let dev: DevServer;
let site: Awaited<ReturnType<typeof serveStatic>>;

before(async () => {
  source = await mkdtemp(join(tmpdir(), "phoenix-names-src-"));
  out = await mkdtemp(join(tmpdir(), "phoenix-names-out-"));
  await mkdir(join(source, "data", "sub dir"), {recursive: true});
  for (const [i, name] of NAMES.entries()) await writeFile(join(source, name), `{"file": ${i}, "é": "ü"}\n`);
  await writeFile(join(source, "names.html"), NOTEBOOK);
  assert.equal(await build([join(source, "names.html"), "--out", join(out, "site"), "--no-bake"]), 0);
  const single = ["--out", join(out, "single"), "--single-file", "--no-bake"];
  assert.equal(await build([join(source, "names.html"), ...single]), 0);
  site = await serveStatic(join(out, "site"));
  dev = await startDevServer({root: source, port: 0, logLevel: "silent"});
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await dev?.close();
  for (const dir of [source, out]) if (dir) await rm(dir, {recursive: true, force: true});
});

async function readsEveryFile(page: Page, url: string): Promise<void> {
  await page.goto(url);
  for (const [i, name] of [...NAMES, FETCHED].entries()) {
    await waitForCellText(page, i + 1, ""); // settled
    const shown = await page.$eval(`.phx-cell[data-cell-id="${i + 1}"]`, (cell) => ({
      status: cell.getAttribute("data-status"),
      output: cell.querySelector(".phx-displays")?.textContent ?? "",
      text: cell.textContent
    }));
    assert.equal(shown.status, "fulfilled", `${name}: ${shown.text}`);
    const {text, url} = JSON.parse(shown.output) as {text: string; url: string};
    assert.equal(text, await readFile(join(source, name), "utf8"), name);
    assert.ok(!url.includes("#") && !url.includes("?"), `${name}: url() ${url} names the whole file`);
  }
}

test("the dev server's page reads attachments named with #, ?, %, spaces and accents", async () => {
  const {page, errors} = await openPage(browser);
  await readsEveryFile(page, `${dev.url}names.html`);
  assert.deepEqual(errors, []);
});

test("a built page reads them from a static server, under the names the build copied them to", async () => {
  const {page, errors} = await openPage(browser);
  await readsEveryFile(page, `${site.origin}/names.html`);
  assert.deepEqual(errors, []);
});

test("a single-file page reads them from the copies it carries", async () => {
  const {page, errors} = await openPage(browser);
  await readsEveryFile(page, pathToFileURL(join(out, "single", "names.html")).href);
  assert.deepEqual(errors, []);
});
