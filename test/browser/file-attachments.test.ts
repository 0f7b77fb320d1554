// FileAttachment's readers in a built page, in Chromium: a spreadsheet (exceljs's browser bundle), a zip
// (jszip) whose PNG entry loads as an image from a blob: URL, a SQLite database (sql.js, its WebAssembly
// served by the site), an image, HTML, and visibility() holding a cell below the fold until it scrolls into
// view. No console error, and no request leaves the site.
import assert from "node:assert/strict";
import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import type {Browser} from "playwright-core";
import {build} from "../../src/cli/build.ts";
import {writeFileAttachments} from "../fixtures/file-attachments.ts";
import {cellText, launchChromium, openPage, waitForCellText} from "./support/chromium.ts";
import {serveStatic} from "./support/static-server.ts";

const NOTEBOOK = `<!doctype html>
<notebook>
  <title>File attachments</title>
  <script id="1" type="application/vnd.observable.javascript">
    totals = FileAttachment("data/sales.xlsx").xlsx().then((workbook) =>
      workbook.sheet("Sales", {headers: true}).map((row) => row.region + " " + row.total).join(", "))
  </script>
  <script id="2" type="module">
    const archive = await FileAttachment("data/archive.zip").zip();
    display(await archive.file("readme.txt").text());
    const entryImage = await archive.file("pixel.png").image();
    display(\`entry image \${entryImage.naturalWidth}×\${entryImage.naturalHeight}\`);
  </script>
  <script id="3" type="module">
    const db = await FileAttachment("data/birds.sqlite").sqlite();
    const names = (await db.sql\`SELECT name FROM birds WHERE wingspan > \${1} ORDER BY name\`).map((row) => row.name);
    display("birds: " + names.join(" and "));
  </script>
  <script id="4" type="application/vnd.observable.javascript">
    pixel = FileAttachment("data/pixel.png").image({width: 60, alt: "pixel"})
  </script>
  <script id="5" type="application/vnd.observable.javascript">
    title = FileAttachment("data/page.htm").html().then((document) => "title: " + document.title)
  </script>
  <script id="6" type="application/vnd.observable.javascript">
    FileAttachment("data/corrupt.zip").zip()
  </script>
  <script id="7" type="application/vnd.observable.javascript">
    spacer = html\`<div style="height: 3000px">spacer</div>\`
  </script>
  <script id="8" type="application/vnd.observable.javascript">
    seen = (spacer, visibility("seen at last"))
  </script>
</notebook>
`;

let out: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

before(async () => {
  const source = await mkdtemp(join(tmpdir(), "phoenix-file-attachments-src-"));
  out = await mkdtemp(join(tmpdir(), "phoenix-file-attachments-"));
  await writeFileAttachments(join(source, "data"));
  await writeFile(join(source, "files.html"), NOTEBOOK);
  assert.equal(await build([join(source, "files.html"), "--out", out]), 0);
  await rm(source, {recursive: true, force: true});
  server = await serveStatic(out);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (out) await rm(out, {recursive: true, force: true});
});

test("a built page reads xlsx, zip, sqlite, images and HTML, and visibility() waits for the cell to scroll in", async () => {
  const {page, requests, errors} = await openPage(browser);
  page.on(
    "console",
    (message) => message.type() === "error" && errors.push(`${message.text()} ${message.location().url}`)
  );
  const missing: string[] = [];
  page.on("response", (response) => response.status() >= 400 && missing.push(response.url()));
  await page.goto(`${server.origin}/files.html`);
  await waitForCellText(page, 1, "north 7.5, south 5");
  await waitForCellText(page, 2, "inside the zip");
  await waitForCellText(page, 2, "entry image 3×2");
  await waitForCellText(page, 3, "birds: heron and owl");
  await waitForCellText(page, 5, "title: A page");
  await waitForCellText(page, 6, 'unable to read zip "data/corrupt.zip"');
  const pixel = page.locator(".phx-cell[data-cell-id='4'] img");
  assert.deepEqual(
    await pixel.evaluate((image: HTMLImageElement) => [image.naturalWidth, image.naturalHeight, image.width]),
    [3, 2, 60]
  );

  // The cell below the spacer is off screen: its visibility() has not resolved.
  await page.waitForTimeout(500);
  assert.equal(await page.locator(".phx-cell[data-cell-id='8']").getAttribute("data-status"), "pending");
  await page.locator(".phx-cell[data-cell-id='8']").scrollIntoViewIfNeeded();
  await waitForCellText(page, 8, "seen at last");

  await mkdir("test-results", {recursive: true});
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({path: "test-results/file-attachments.png"});
  assert.match(await cellText(page, 6), /corrupt\.zip/);
  assert.deepEqual(missing, []);
  assert.deepEqual(
    // The browser's own request for /favicon.ico (the test site has none) is no request of the page's.
    errors.filter((error) => !error.includes("corrupt.zip") && !error.endsWith("/favicon.ico")),
    []
  );
  assert.deepEqual(
    requests.filter(
      (url) => !url.startsWith(server.origin) && !url.startsWith("blob:") && !url.startsWith("data:")
    ),
    [],
    "every request goes to the static server"
  );
  assert.ok(
    requests.some((url) => url.startsWith(server.origin) && url.endsWith(".wasm")),
    "sql.js's WebAssembly comes from the site"
  );
});
