// The conformance suite: one notebook per feature in test/conformance/notebooks/<feature>.html (Notebook Kit's
// format), beside <feature>.expected.json, which maps a cell's name as `phoenix-notebook run --json` reports
// it ("x", "a, b", "viewof k") to its expected value there, worked out by hand. Every notebook in the folder
// is picked up: each runs headless through the real CLI (every cell fulfils, the expected values match), reads
// back the same after parse → serialize, and, built once with the others, opens in Chromium with no cell in
// error, no console error and no request off the local server.
import assert from "node:assert/strict";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {mkdir} from "node:fs/promises";
import {join} from "node:path";
import {after, before, test} from "node:test";
import type {Browser} from "playwright-core";
import {parseNotebook, serializeNotebook} from "../../src/runtime/notebook/index.ts";
import {launchChromium} from "../browser/support/chromium.ts";
import {buildAndServe, matches, openBuiltPage, runHeadless} from "./support.ts";

const dir = "test/conformance/notebooks";
const features = readdirSync(dir)
  .filter((name) => name.endsWith(".html"))
  .map((name) => name.slice(0, -".html".length))
  .sort();

let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;

before(async () => {
  [site, browser] = await Promise.all([buildAndServe(dir), launchChromium()]);
  await mkdir("test-results/conformance", {recursive: true});
});

after(async () => {
  await browser?.close();
  await site?.close();
});

test("the conformance folder holds the notebooks this suite was written with", () => {
  for (const feature of [
    "attributes",
    "classic-cells",
    "imports",
    "markup",
    "module-cells",
    "stdlib",
    "typescript"
  ])
    assert.ok(features.includes(feature), `${feature}.html is missing`);
});

test("attributes: the notebook's theme and readonly, and each cell's id, pinned, hidden and output, are read", () => {
  const notebook = parseNotebook(readFileSync(join(dir, "attributes.html"), "utf8"));
  const again = parseNotebook(serializeNotebook(notebook));
  for (const read of [notebook, again]) {
    assert.equal(read.theme, "slate");
    assert.equal(read.readonly, true);
    assert.deepEqual(
      read.cells.map(({id, pinned, hidden, output}) => ({id, pinned, hidden: hidden ?? false, output})),
      [
        {id: 7, pinned: true, hidden: false, output: undefined},
        {id: 9, pinned: false, hidden: true, output: undefined},
        {id: 12, pinned: false, hidden: false, output: "intro"},
        {id: 3, pinned: true, hidden: false, output: undefined}
      ]
    );
  }
});

for (const feature of features) {
  const file = join(dir, `${feature}.html`);
  const expectedFile = join(dir, `${feature}.expected.json`);

  test(`${feature}: every cell fulfils headless, with the values of ${feature}.expected.json`, async () => {
    const {code, cells, stderr} = await runHeadless(file);
    const failed = cells.filter((cell) => cell.status !== "fulfilled");
    assert.deepEqual(
      failed.map((cell) => `${cell.name ?? "(anonymous)"}: ${cell.status} ${cell.error ?? ""}`),
      [],
      `every cell fulfils (stderr: ${stderr})`
    );
    assert.equal(code, 0);
    if (!existsSync(expectedFile)) return;
    const expected = JSON.parse(readFileSync(expectedFile, "utf8")) as Record<string, unknown>;
    for (const [name, value] of Object.entries(expected)) {
      const cell = cells.find((c) => c.name === name);
      assert.ok(cell, `no cell named "${name}" (cells: ${cells.map((c) => c.name).join("; ")})`);
      assert.ok(
        matches(cell.value, value),
        `${name}: got ${JSON.stringify(cell.value)}, expected ${JSON.stringify(value)}`
      );
    }
  });

  test(`${feature}: parse → serialize → parse gives back the notebook and its attributes`, () => {
    const notebook = parseNotebook(readFileSync(file, "utf8"), file);
    const again = parseNotebook(serializeNotebook(notebook));
    const shape = ({title, theme, readonly, cells}: typeof notebook) => ({
      title,
      theme,
      readonly,
      cells: cells.map(({id, mode, source, pinned, hidden, output}) => ({
        id,
        mode,
        source,
        pinned,
        hidden,
        output
      }))
    });
    assert.deepEqual(shape(again), shape(notebook));
  });

  test(`${feature}: built, the page shows no error, logs none and requests nothing off its server`, async () => {
    assert.equal(site.build.code, 0, site.build.stderr);
    const page = await openBuiltPage(
      browser,
      `${site.origin}/${feature}.html`,
      `test-results/conformance/${feature}.png`
    );
    const unsettled = [...page.cells].filter(([, cell]) => cell.status !== "fulfilled");
    assert.deepEqual(
      unsettled.map(([id, cell]) => `cell ${id}: ${cell.status} ${cell.text.slice(0, 200)}`),
      []
    );
    assert.ok(page.cells.size > 0, "the page shows its cells");
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.offsite, []);
    assert.deepEqual(page.blocked, [], "nothing even tried to leave the server");
  });
}
