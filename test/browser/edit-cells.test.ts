import assert from "node:assert/strict";
import {chmod, mkdtemp, readdir, readFile, rm, stat, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, beforeEach, test} from "node:test";
import type {Browser, Page} from "playwright-core";
import {SAVE_URL} from "../../src/runtime/client/protocol.ts";
import {startDevServer, type DevServer} from "../../src/runtime/vite/dev-server.ts";
import {cellText, launchChromium, moveSlider, openPage, waitForCellText} from "./support/chromium.ts";

// A comment and odd spacing between cells: what must survive a save byte for byte.
const NOTEBOOK = `<!doctype html>
<notebook>
  <title>Editing</title>
  <script id="1" type="text/markdown">
    # Editing in the page
  </script>
  <!-- the slider -->
  <script id="2" type="application/vnd.observable.javascript">
    viewof n = Inputs.range([0, 10], {value: 3, step: 1, label: "n"})
  </script>

  <script id="3" type="application/vnd.observable.javascript">
    a = 10
  </script>
  <script id="4" type="application/vnd.observable.javascript">
    b = { window.runsB = (window.runsB ?? 0) + 1; return a * 2; }
  </script>
  <script id="5" type="application/vnd.observable.javascript">
    c = { window.runsC = (window.runsC ?? 0) + 1; return n + 1; }
  </script>
</notebook>
`;

const SLOW = `<!doctype html>
<notebook>
  <title>Slow</title>
  <script id="1" type="application/vnd.observable.javascript">
    slow = new Promise(() => { invalidation.then(() => (window.stopped = (window.stopped ?? 0) + 1)); })
  </script>
  <script id="2" type="application/vnd.observable.javascript">
    after = slow + 1
  </script>
</notebook>
`;

const TYPESCRIPT = `<!doctype html>
<notebook>
  <title>TypeScript</title>
  <script id="1" type="text/x-typescript">
    const x: number = 2;
  </script>
  <script id="2" type="application/vnd.observable.javascript">
    y = x * 10
  </script>
</notebook>
`;

const WITHOUT_IDS = `<!doctype html>
<notebook>
  <title>No ids</title>
  <script type="application/vnd.observable.javascript">
    a = 1
  </script>
  <script type="application/vnd.observable.javascript">
    b = a + 1
  </script>
</notebook>
`;

let dir: string;
let server: DevServer;
let browser: Browser;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "phoenix-edit-"));
  server = await startDevServer({root: dir, port: 0, logLevel: "silent"});
  browser = await launchChromium();
});

beforeEach(async () => {
  for (const name of await readdir(dir)) await rm(join(dir, name), {force: true});
  await writeFile(join(dir, "edit.html"), NOTEBOOK);
  await writeFile(join(dir, "slow.html"), SLOW);
  await writeFile(join(dir, "ts.html"), TYPESCRIPT);
  await writeFile(join(dir, "no-ids.html"), WITHOUT_IDS);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, {recursive: true, force: true});
});

const file = () => readFile(join(dir, "edit.html"), "utf8");
const cell = (id: number) => `.phx-cell[data-cell-id="${id}"]`;
const count = (page: Page, name: string) => page.evaluate((name) => (window as never)[name] as number, name);

/** The edit page, its editor loaded and every cell settled, with the slider moved to 7. */
async function openEditPage(): Promise<{page: Page; errors: string[]}> {
  const {page, errors} = await openPage(browser);
  await page.goto(`${server.url}edit.html`);
  await page.waitForSelector(`${cell(3)} > .phx-edit-bar`);
  await waitForCellText(page, 4, "b = 20");
  await moveSlider(page, 7);
  await waitForCellText(page, 5, "c = 8");
  return {page, errors};
}

/** Replaces the text of cell `id`'s editor (opening it) with `text`. */
async function typeInto(page: Page, id: number, text: string): Promise<void> {
  if (!(await page.$(`${cell(id)} .phx-editor`))) await page.click(`${cell(id)} [data-action=edit]`);
  await page.click(`${cell(id)} .cm-content`);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

async function whenSaved(page: Page): Promise<void> {
  await page.waitForSelector(".phx-save-status[data-state=saved]");
}

async function order(page: Page): Promise<string[]> {
  return page.$$eval(".phx-cells > .phx-cell", (cells) =>
    cells.map((c) => (c as HTMLElement).dataset.cellId!)
  );
}

test("Shift-Enter reruns only the edited cell and its dependents; the slider keeps its value; only that cell is saved", async () => {
  const {page, errors} = await openEditPage();
  assert.deepEqual([await count(page, "runsB"), await count(page, "runsC")], [1, 2]);
  await typeInto(page, 3, "a = 21");
  await page.keyboard.press("Shift+Enter");
  await waitForCellText(page, 4, "b = 42");
  await whenSaved(page);
  assert.deepEqual([await count(page, "runsB"), await count(page, "runsC")], [2, 2], "c did not rerun");
  assert.equal(await page.$eval("input[type=range]", (input) => (input as HTMLInputElement).value), "7");
  assert.match(await cellText(page, 5), /c = 8/);
  assert.equal(await file(), NOTEBOOK.replace("    a = 10\n", "    a = 21\n"));
  assert.deepEqual(errors, []);
  await page.close();
});

test("adding, moving and deleting cells updates the page and the file; undo restores the last change", async () => {
  const {page} = await openEditPage();
  await page.click(`${cell(3)} [data-action=below]`);
  await page.waitForSelector(`${cell(6)} .phx-editor`);
  await typeInto(page, 6, "d = a + 1");
  await page.keyboard.press("Shift+Enter");
  await waitForCellText(page, 6, "d = 11");
  await whenSaved(page);
  const added = `  <script id="6" type="application/vnd.observable.javascript">\n    d = a + 1\n  </script>\n`;
  const withD = NOTEBOOK.replace(`    a = 10\n  </script>\n`, `    a = 10\n  </script>\n${added}`);
  assert.equal(await file(), withD);
  await page.click(`${cell(6)} [data-action=up]`);
  await page.waitForFunction(() =>
    document.querySelector(".phx-cells > .phx-cell:nth-child(3)")?.matches("[data-cell-id='6']")
  );
  assert.deepEqual(await order(page), ["1", "2", "6", "3", "4", "5"]);
  await whenSaved(page);
  assert.match(await file(), /<!-- the slider -->[^]*id="2"[^]*id="6"[^]*id="3"[^]*id="4"/);
  await page.click(`${cell(6)} [data-action=delete]`);
  await page.waitForFunction(() => !document.querySelector(".phx-cell[data-cell-id='6']"));
  await whenSaved(page);
  // The file is back byte for byte: the blank line above cell 3 is its own and stayed with it while cell 6 was
  // moved above it (before, it became a plain line break).
  assert.equal(await file(), NOTEBOOK);
  await page.click(".phx-save-status [data-action=undo]");
  await waitForCellText(page, 6, "d = 11");
  assert.deepEqual(await order(page), ["1", "2", "6", "3", "4", "5"]);
  await whenSaved(page);
  assert.match(await file(), /id="2"[^]*id="6"[^]*id="3"/);
  assert.equal(await page.$eval("input[type=range]", (input) => (input as HTMLInputElement).value), "7");
  await page.close();
});

test("deleting a cell and undoing it gives back the file byte for byte, its attributes in the author's order", async () => {
  // The author's attribute order (type before id) and spacing, which the serializer would not write.
  const authored = NOTEBOOK.replace(
    '<script id="3" type="application/vnd.observable.javascript">',
    '<script type="application/vnd.observable.javascript"  id="3">'
  );
  await writeFile(join(dir, "edit.html"), authored);
  const {page} = await openEditPage();
  await page.click(`${cell(3)} [data-action=delete]`);
  await page.waitForFunction(() => !document.querySelector(".phx-cell[data-cell-id='3']"));
  await whenSaved(page);
  assert.doesNotMatch(await file(), /id="3"/);
  await page.click(".phx-save-status [data-action=undo]");
  await waitForCellText(page, 4, "b = 20");
  await whenSaved(page);
  // Before: the cell came back as the serializer writes it, <script id="3" type="…">.
  assert.equal(await file(), authored);
  await page.close();
});

test("edits saved from the page keep a cell's opening tag as written and the file's CRLF line ends", async () => {
  const authored = NOTEBOOK.replace(
    '<script id="3" type="application/vnd.observable.javascript">',
    '<script type="application/vnd.observable.javascript"  id="3" class="wide">'
  ).replace(/\n/g, "\r\n");
  await writeFile(join(dir, "edit.html"), authored);
  const {page} = await openEditPage();
  await typeInto(page, 3, "a = 21");
  await page.keyboard.press("Shift+Enter");
  await waitForCellText(page, 4, "b = 42");
  await whenSaved(page);
  // Before: the cell was saved as <script id="3" type="…">.
  const edited = authored.replace("    a = 10\r\n", "    a = 21\r\n");
  assert.equal(await file(), edited);
  await page.click(`${cell(3)} [data-action=below]`);
  await page.waitForSelector(`${cell(6)} .phx-editor`);
  await typeInto(page, 6, "d = a + 1");
  await page.keyboard.press("Shift+Enter");
  await waitForCellText(page, 6, "d = 22");
  await whenSaved(page);
  // Before: the new cell's lines ended in LF amid CRLF ones.
  const added = `  <script id="6" type="application/vnd.observable.javascript">\r\n    d = a + 1\r\n  </script>\r\n`;
  assert.equal(
    await file(),
    edited.replace("    a = 21\r\n  </script>\r\n", `    a = 21\r\n  </script>\r\n${added}`)
  );
  await page.close();
});

test("changing a cell's mode rewrites it alone; a syntax error shows in the cell and in the editor's gutter", async () => {
  const {page} = await openEditPage();
  await page.selectOption(`${cell(1)} .phx-edit-mode`, "html");
  await whenSaved(page);
  assert.equal(
    await file(),
    NOTEBOOK.replace(`<script id="1" type="text/markdown">`, `<script id="1" type="text/html">`)
  );
  await typeInto(page, 4, "b = {\nreturn a *;\n}"); // the editor indents the second line
  await page.keyboard.press("Shift+Enter");
  await page.waitForSelector(`${cell(4)} .phx-error--syntax`);
  // Column 17 of the file, which indents the cell's lines by 4; the editor marks column 13 of its text.
  assert.match(await cellText(page, 4), /Syntax error.*b \(line 17:17\)/);
  const marker = await page.$eval(`${cell(4)} .cm-phx-error-marker`, (mark) => ({
    title: (mark as HTMLElement).title,
    line: mark.closest(".cm-gutterElement")?.getBoundingClientRect().top
  }));
  const line2 = await page.$eval(`${cell(4)} .cm-phx-error-line`, (line) => ({
    text: line.textContent,
    top: line.getBoundingClientRect().top
  }));
  assert.match(marker.title, /Unexpected token/);
  assert.equal(marker.line, line2.top, "the gutter's mark is beside the line with the error");
  assert.equal(line2.text, "  return a *;");
  assert.equal(await page.$eval(`${cell(4)} .cm-phx-error-at`, (at) => at.textContent), ";");
  await page.close();
});

test("a change on disk while the page has unrun edits is a conflict: take theirs keeps mine as a copy, nothing is lost", async () => {
  const {page} = await openEditPage();
  await typeInto(page, 3, "a = 99");
  const theirs = NOTEBOOK.replace("# Editing in the page", "# Edited on disk");
  await writeFile(join(dir, "edit.html"), theirs);
  await page.waitForSelector(".phx-conflict:not([hidden])");
  assert.match(await page.$eval(".phx-conflict pre", (pre) => pre.textContent ?? ""), /# Edited on disk/);
  assert.equal(await page.$eval("h1", (h1) => h1.textContent), "Editing in the page", "not taken yet");
  await page.click("[data-action=take-theirs]");
  await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Edited on disk");
  const copy = await page.$eval(".phx-save-note a", (a) => a.textContent ?? "");
  assert.match(copy, /^edit\.conflict-.*-mine\.html$/);
  assert.equal(await readFile(join(dir, copy), "utf8"), NOTEBOOK, "the page's version is kept");
  assert.equal(await file(), theirs);
  await page.click(`${cell(3)} .cm-content`);
  await page.keyboard.press("Shift+Enter"); // the unrun edit is still in its editor
  await waitForCellText(page, 4, "b = 198");
  await whenSaved(page);
  assert.equal(await file(), theirs.replace("    a = 10\n", "    a = 99\n"));
  await page.close();
});

test("take theirs when the file on disk does not read as a notebook: the conflict stays, says why, and keep mine still works", async () => {
  const {page} = await openEditPage();
  const broken = NOTEBOOK.replace(
    '<script id="3" type="application/vnd.observable.javascript">',
    '<script id="3" type="text/x-r">'
  );
  await writeFile(join(dir, "edit.html"), broken);
  await typeInto(page, 4, "b = a * 3");
  await page.keyboard.press("Shift+Enter");
  await page.waitForSelector(".phx-conflict:not([hidden])");
  await page.click("[data-action=take-theirs]");
  await page.waitForFunction(() =>
    document.querySelector(".phx-save-state")?.textContent?.includes("does not read as a notebook")
  );
  assert.ok(await page.$(".phx-conflict:not([hidden])"), "the choice is still offered");
  assert.equal(await file(), broken, "nothing written");
  await page.click("[data-action=keep-mine]");
  await whenSaved(page);
  assert.equal(await file(), NOTEBOOK.replace(/b = \{.*\}/, "b = a * 3"));
  await page.close();
});

test("keep mine writes the page's version over the file and keeps the file's as a copy", async () => {
  const {page} = await openEditPage();
  await typeInto(page, 3, "a = 5");
  await page.keyboard.press("Shift+Enter");
  await waitForCellText(page, 4, "b = 10");
  await whenSaved(page);
  const mine = await file();
  await typeInto(page, 4, "b = a * 3"); // unrun
  const theirs = mine.replace("# Editing in the page", "# Edited on disk");
  await writeFile(join(dir, "edit.html"), theirs);
  await page.waitForSelector(".phx-conflict:not([hidden])");
  await page.click("[data-action=keep-mine]");
  await page.waitForSelector(".phx-save-note a");
  const copy = await page.$eval(".phx-save-note a", (a) => a.textContent ?? "");
  assert.equal(await readFile(join(dir, copy), "utf8"), theirs);
  assert.equal(await file(), mine);
  assert.equal(await page.$eval("h1", (h1) => h1.textContent), "Editing in the page");
  await page.close();
});

test("a file saved by a text editor updates a page that has no edits of its own, as before", async () => {
  const {page} = await openEditPage();
  await writeFile(join(dir, "edit.html"), NOTEBOOK.replace("a = 10", "a = 4"));
  await waitForCellText(page, 4, "b = 8");
  assert.equal(await page.$(".phx-conflict:not([hidden])"), null);
  // The page's next edit is spliced into the file's new text.
  await typeInto(page, 5, "c = n + 2");
  await page.keyboard.press("Shift+Enter");
  await waitForCellText(page, 5, "c = 9");
  await whenSaved(page);
  assert.equal(await file(), NOTEBOOK.replace("a = 10", "a = 4").replace(/c = \{.*\}/, "c = n + 2"));
  // The page's save replaced the file (a rename): a text editor's next save still reaches the page.
  await writeFile(join(dir, "edit.html"), (await file()).replace("a = 4", "a = 6"));
  await waitForCellText(page, 4, "b = 12");
  await page.close();
});

test("a blank line typed at the end of a cell is no edit once run: a text editor's save still updates the page", async () => {
  const {page} = await openEditPage();
  await typeInto(page, 5, "c = n + 2");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Shift+Enter");
  await waitForCellText(page, 5, "c = 9");
  await whenSaved(page);
  // The file reads the cell back without the blank lines; the editor, which still has them, is not dirty.
  await writeFile(join(dir, "edit.html"), (await file()).replace("a = 10", "a = 4"));
  await waitForCellText(page, 4, "b = 8");
  assert.equal(await page.$(".phx-conflict:not([hidden])"), null, "no conflict");
  await page.close();
});

test("Stop interrupts a running cell: its invalidation fires, it and its dependents say so; Run starts it again", async () => {
  const {page} = await openPage(browser);
  await page.goto(`${server.url}slow.html`);
  await page.waitForSelector(`${cell(1)}[data-status=pending] [data-action=stop]:visible`);
  await page.click(`${cell(1)} [data-action=stop]`);
  await page.waitForSelector(`${cell(1)}[data-status=rejected]`);
  assert.equal(await count(page, "stopped"), 1);
  assert.match(await cellText(page, 1), /interrupted/);
  await page.waitForSelector(`${cell(2)}[data-status=rejected]`);
  assert.match(await cellText(page, 2), /interrupted/);
  assert.equal(await page.$(`${cell(1)} [data-action=stop]:visible`), null);
  await page.click(`${cell(1)} [data-action=run]`);
  await page.waitForSelector(`${cell(1)}[data-status=pending]`);
  assert.equal(await count(page, "stopped"), 1);
  await page.close();
});

test("a TypeScript cell edited in the page runs as the server compiles it once saved", async () => {
  const {page, errors} = await openPage(browser);
  await page.goto(`${server.url}ts.html`);
  await waitForCellText(page, 2, "y = 20");
  await typeInto(page, 1, "const x: number = 7;");
  await page.keyboard.press("Shift+Enter");
  await waitForCellText(page, 2, "y = 70");
  assert.equal(
    await readFile(join(dir, "ts.html"), "utf8"),
    TYPESCRIPT.replace("x: number = 2", "x: number = 7")
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test("Ctrl-S runs what the open editors hold and saves it", async () => {
  const {page} = await openEditPage();
  await typeInto(page, 3, "a = 8");
  await typeInto(page, 5, "c = n - 1");
  await page.keyboard.press("Control+S");
  await waitForCellText(page, 4, "b = 16");
  await waitForCellText(page, 5, "c = 6");
  await whenSaved(page);
  assert.equal(await file(), NOTEBOOK.replace("a = 10", "a = 8").replace(/c = \{.*\}/, "c = n - 1"));
  await page.close();
});

test("in a file whose cells have no ids, an open editor follows its cell when a cell added above renumbers it", async () => {
  const {page} = await openPage(browser);
  await page.goto(`${server.url}no-ids.html`);
  await waitForCellText(page, 2, "b = 2");
  await typeInto(page, 2, "b = a + 5"); // not run yet
  await page.click(`${cell(1)} [data-action=above]`);
  await page.waitForSelector(`${cell(3)} .phx-editor`); // the new cell, numbered 3 (its id is written)
  await page.waitForSelector(`${cell(4)} .phx-editor`); // b, the third cell now, renumbered past the new one
  assert.equal(await page.$eval(`${cell(4)} .cm-content`, (content) => content.textContent), "b = a + 5");
  await page.click(`${cell(4)} .cm-content`);
  await page.keyboard.press("Shift+Enter");
  await waitForCellText(page, 4, "b = 6");
  await whenSaved(page);
  const text = await readFile(join(dir, "no-ids.html"), "utf8");
  assert.match(text, /<script id="3" type="application\/vnd.observable.javascript">\n\n {2}<\/script>/);
  assert.ok(text.includes(`<script type="application/vnd.observable.javascript">\n    a = 1\n  </script>`));
  assert.ok(text.includes("b = a + 5"));
  await page.close();
});

test("a file without write permission (chmod 444) is not written: the page says so and keeps its edit; once writable, Ctrl-S saves it", async () => {
  const {page} = await openEditPage();
  await chmod(join(dir, "edit.html"), 0o444);
  await typeInto(page, 3, "a = 21");
  await page.keyboard.press("Shift+Enter");
  await waitForCellText(page, 4, "b = 42"); // the edit runs in the page
  await page.waitForSelector(".phx-save-status[data-state=failed]");
  assert.equal(
    await page.$eval(".phx-save-state", (s) => s.textContent),
    "Not saved: edit.html is read-only"
  );
  assert.equal(await file(), NOTEBOOK, "the file is unchanged");
  assert.equal((await stat(join(dir, "edit.html"))).mode & 0o777, 0o444);
  // The page's version, to copy.
  const mine = await page.$eval(".phx-save-status .phx-unsaved pre", (pre) => pre.textContent);
  assert.equal(mine, NOTEBOOK.replace("    a = 10\n", "    a = 21\n"));
  assert.equal(await page.$eval(`${cell(3)} .cm-content`, (content) => content.textContent), "a = 21");
  await chmod(join(dir, "edit.html"), 0o644);
  await page.keyboard.press("Control+S");
  await whenSaved(page);
  assert.equal(await file(), NOTEBOOK.replace("    a = 10\n", "    a = 21\n"));
  assert.equal(await page.$(".phx-save-status .phx-unsaved"), null, "saved: no copy to offer");
  await page.close();
});

const LOCKED = NOTEBOOK.replace("<notebook>", "<notebook readonly>").replace("# Editing", "# Locked");

test("a notebook marked readonly on disk while its page is open: the page drops its edit bars and editors, as a fresh load would", async () => {
  const {page} = await openEditPage();
  await typeInto(page, 5, "c = n * 100"); // an open editor, not run
  await writeFile(join(dir, "edit.html"), LOCKED);
  await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Locked in the page");
  assert.equal(await page.$(".phx-edit-bar, .phx-editor"), null, "no edit bar, no editor");
  assert.equal(
    await page.$eval(".phx-save-state", (s) => s.textContent),
    "edit.html is marked readonly: editing is off"
  );
  assert.equal(
    await page.$eval(".phx-save-status .phx-unsaved pre", (pre) => pre.textContent),
    NOTEBOOK.replace(/c = \{.*\}/, "c = n * 100"),
    "the unrun edit, to copy"
  );
  await page.keyboard.press("Control+S");
  await writeFile(join(dir, "edit.html"), LOCKED.replace("a = 10", "a = 4")); // still followed, read-only
  await waitForCellText(page, 4, "b = 8");
  assert.equal(await file(), LOCKED.replace("a = 10", "a = 4"));
  const fresh = (await openPage(browser)).page;
  await fresh.goto(`${server.url}edit.html`);
  await waitForCellText(fresh, 4, "b = 8");
  assert.equal(await fresh.$(".phx-edit-bar"), null, "a fresh load has none either");
  await fresh.close();
  await page.close();
});

test("a save refused because the notebook is now marked readonly drops the edit bars and offers the page's version to copy", async () => {
  const {page} = await openPage(browser);
  // The page does not hear of the change on disk (its hot updates are held back): only the refusal tells it.
  await page.routeWebSocket(/.*/, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      if (!String(message).includes("phoenix-notebook:update")) ws.send(message);
    });
  });
  await page.goto(`${server.url}edit.html`);
  await page.waitForSelector(`${cell(3)} > .phx-edit-bar`);
  await waitForCellText(page, 4, "b = 20");
  await writeFile(join(dir, "edit.html"), LOCKED);
  await typeInto(page, 3, "a = 7");
  const answer = page.waitForResponse((response) => response.url().endsWith(SAVE_URL));
  await page.keyboard.press("Shift+Enter");
  assert.equal((await answer).status(), 403);
  await page.waitForSelector(".phx-save-status[data-state=readonly]");
  assert.equal(await page.$(".phx-edit-bar, .phx-editor"), null, "no edit bar, no editor");
  assert.equal(
    await page.$eval(".phx-save-status .phx-unsaved pre", (pre) => pre.textContent),
    NOTEBOOK.replace("    a = 10\n", "    a = 7\n")
  );
  assert.equal(await file(), LOCKED, "nothing written");
  await page.close();
});

test("undo takes back the added cell alone: a source edit saved after it stays in the file, the page and its editor", async () => {
  const {page} = await openEditPage();
  await page.click(`${cell(3)} [data-action=below]`);
  await page.waitForSelector(`${cell(6)} .phx-editor`);
  await whenSaved(page);
  await typeInto(page, 4, "b = a + 100");
  await page.keyboard.press("Shift+Enter");
  await waitForCellText(page, 4, "b = 110");
  await whenSaved(page);
  const edited = NOTEBOOK.replace(/b = \{.*\}/, "b = a + 100");
  await page.click(".phx-save-status [data-action=undo]");
  await page.waitForFunction(() => !document.querySelector(".phx-cell[data-cell-id='6']"));
  await whenSaved(page);
  // Before: the whole page went back to before the added cell, b = a + 100 with it (b = 20, the file too).
  assert.equal(await file(), edited);
  assert.match(await cellText(page, 4), /b = 110/);
  assert.equal(await page.$eval(`${cell(4)} .cm-content`, (content) => content.textContent), "b = a + 100");
  await page.close();
});

test("undo of a mode change, a move and a delete each inverts that change on the cells as they are now", async () => {
  const {page} = await openEditPage();
  await page.selectOption(`${cell(1)} .phx-edit-mode`, "html");
  await page.click(`${cell(5)} [data-action=up]`); // 1 2 3 5 4
  await page.click(`${cell(4)} [data-action=delete]`); // 1 2 3 5
  await page.waitForFunction(() => !document.querySelector(".phx-cell[data-cell-id='4']"));
  await typeInto(page, 3, "a = 4");
  await page.keyboard.press("Shift+Enter");
  // The edit ran (so it is in the page's text) before "saved" is read: the delete's own save may still show it.
  await waitForCellText(page, 3, "a = 4");
  await whenSaved(page);
  assert.match(await file(), /a = 4/);
  const undo = () => page.click(".phx-save-status [data-action=undo]");
  await undo(); // the delete: b comes back after 5, where it stood, and runs on a = 4
  await waitForCellText(page, 4, "b = 8");
  assert.deepEqual(await order(page), ["1", "2", "3", "5", "4"]);
  await undo(); // the move
  await page.waitForFunction(() =>
    document.querySelector(".phx-cells > .phx-cell:nth-child(5)")?.matches("[data-cell-id='5']")
  );
  assert.deepEqual(await order(page), ["1", "2", "3", "4", "5"]);
  await undo(); // the mode
  await page.waitForFunction(
    () =>
      (document.querySelector(".phx-cell[data-cell-id='1'] .phx-edit-mode") as HTMLSelectElement).value ===
      "md"
  );
  await whenSaved(page);
  // Every structural change is gone, the edit made after them all stays.
  assert.equal(await file(), NOTEBOOK.replace("a = 10", "a = 4"));
  assert.equal(await page.$eval(`${cell(3)} .cm-content`, (content) => content.textContent), "a = 4");
  assert.equal(
    await page.$eval(".phx-save-status [data-action=undo]", (b) => (b as HTMLButtonElement).disabled),
    true
  );
  await page.close();
});

test("undo of a delete brings back what the cell's editor held, not run yet", async () => {
  const {page} = await openEditPage();
  await typeInto(page, 4, "b = 'two hours of work'"); // not run
  await page.click(`${cell(4)} [data-action=delete]`);
  await page.waitForFunction(() => !document.querySelector(".phx-cell[data-cell-id='4']"));
  await whenSaved(page);
  await page.click(".phx-save-status [data-action=undo]");
  await waitForCellText(page, 4, "b = 20"); // the cell's source as it was when deleted
  await page.waitForSelector(`${cell(4)} .phx-editor`);
  // Before: the cell came back with its editor closed, the typed text gone.
  assert.equal(
    await page.$eval(`${cell(4)} .cm-content`, (content) => content.textContent),
    "b = 'two hours of work'"
  );
  await whenSaved(page);
  assert.equal(await file(), NOTEBOOK, "still unrun: the file has the cell as it was");
  await page.click(`${cell(4)} .cm-content`);
  await page.keyboard.press("Shift+Enter");
  await waitForCellText(page, 4, "two hours of work");
  await page.close();
});

test("keyboard: Enter on ↑ keeps focus on the moved cell's ↑; Enter on Delete moves it to the next cell's Edit, or the previous one's", async () => {
  const {page} = await openEditPage();
  const focused = () =>
    page.evaluate(() => {
      const active = document.activeElement as HTMLElement;
      const id = (active.closest(".phx-cell") as HTMLElement | null)?.dataset.cellId;
      return `${id ?? active.tagName} ${active.dataset.action ?? ""}`;
    });
  await page.focus(`${cell(5)} [data-action=up]`);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() =>
    document.querySelector(".phx-cells > .phx-cell:nth-child(4)")?.matches("[data-cell-id='5']")
  );
  // Before: BODY.
  assert.equal(await focused(), "5 up");
  await page.keyboard.press("Enter"); // and again: the user goes on where they were
  await page.waitForFunction(() =>
    document.querySelector(".phx-cells > .phx-cell:nth-child(3)")?.matches("[data-cell-id='5']")
  );
  assert.equal(await focused(), "5 up");
  assert.deepEqual(await order(page), ["1", "2", "5", "3", "4"]);
  await page.focus(`${cell(3)} [data-action=delete]`);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector(".phx-cell[data-cell-id='3']"));
  assert.equal(await focused(), "4 edit");
  await page.focus(`${cell(4)} [data-action=delete]`); // the last cell: its previous one
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector(".phx-cell[data-cell-id='4']"));
  assert.equal(await focused(), "5 edit");
  await page.close();
});

test("in a file whose cells have no ids, undo of an added cell finds it under its id and keeps an edit run since", async () => {
  const {page} = await openPage(browser);
  await page.goto(`${server.url}no-ids.html`);
  await waitForCellText(page, 2, "b = 2");
  await page.click(`${cell(1)} [data-action=above]`); // the new cell is 3; a and b, renumbered, 2 and 4
  await page.waitForSelector(`${cell(4)}`);
  await whenSaved(page);
  await typeInto(page, 4, "b = a + 5");
  await page.keyboard.press("Shift+Enter");
  await waitForCellText(page, 4, "b = 6");
  await whenSaved(page);
  await page.click(".phx-save-status [data-action=undo]");
  await page.waitForFunction(() => !document.querySelector(".phx-cell[data-cell-id='3']"));
  await whenSaved(page);
  // Read back by their places again: a 1, b 2.
  assert.deepEqual(await order(page), ["1", "2"]);
  assert.match(await cellText(page, 2), /b = 6/);
  // b, edited, keeps its tag as written: still without an id.
  const edited = WITHOUT_IDS.replace("b = a + 1", "b = a + 5");
  assert.equal(await readFile(join(dir, "no-ids.html"), "utf8"), edited);
  await page.close();
});

test("in a file whose cells have no ids, undo of a move moves back the cell, renumbered by the move, past an edit run since", async () => {
  const {page} = await openPage(browser);
  await page.goto(`${server.url}no-ids.html`);
  await waitForCellText(page, 2, "b = 2");
  await page.click(`${cell(2)} [data-action=up]`); // b first: numbered 1 by its place, a 2
  await page.waitForFunction(() =>
    document.querySelector(".phx-cell[data-cell-id='1']")?.textContent?.includes("b = 2")
  );
  await whenSaved(page);
  await typeInto(page, 2, "a = 3");
  await page.keyboard.press("Shift+Enter");
  await waitForCellText(page, 1, "b = 4");
  await whenSaved(page);
  await page.click(".phx-save-status [data-action=undo]");
  await page.waitForFunction(() =>
    document.querySelector(".phx-cells > .phx-cell:first-child")?.textContent?.includes("a = 3")
  );
  await whenSaved(page);
  // a, edited, keeps its tag as written (no id); both read back by their places: a 1, b 2.
  const expected = WITHOUT_IDS.replace("a = 1", "a = 3");
  assert.equal(await readFile(join(dir, "no-ids.html"), "utf8"), expected);
  assert.match(await cellText(page, 2), /b = 4/);
  await page.close();
});
