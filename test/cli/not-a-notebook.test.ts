// An .html file that is no notebook (text, empty, binary) is a mistake on the command line: exit 2, one line.
// In a folder, such a file beside notebooks is skipped with a note; a folder with none is a mistake too.
import assert from "node:assert/strict";
import {copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {assertUsageLine, cli} from "../helpers/cli.ts";

const basic = fileURLToPath(new URL("../fixtures/notebooks/basic.html", import.meta.url));

// The review's three: a line of text, nothing, and UTF-16 bytes (a BOM, then "bad" with a NUL).
const notNotebooks = {
  "text.html": "hello\n",
  "empty.html": "",
  "binary.html": Buffer.from([0xff, 0xfe, 0x00, 0x62, 0x61, 0x64])
};

test("run and build refuse an .html file with no <notebook> element: one usage line, exit 2, nothing written", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "phoenix-not-notebook-"));
  t.after(() => rm(dir, {recursive: true, force: true}));
  for (const [name, content] of Object.entries(notNotebooks)) {
    const file = join(dir, name);
    await writeFile(file, content);
    const why = name === "empty.html" ? "it is empty" : "it has no <notebook> element";
    const expected = new RegExp(`^${file.replace(/[.\\/]/g, "\\$&")} is not a notebook: ${why}$`);
    // Before: `text.html:1: no <notebook> element`, exit 1, no help.
    assertUsageLine(await cli(["run", file]), expected);
    const out = join(dir, `out-${name}`);
    assertUsageLine(await cli(["build", file, "--out", out, "--no-bake"]), expected);
    assert.equal(await stat(out).catch(() => undefined), undefined, "no --out folder made");
  }
});

test("build of a folder skips an .html file with no <notebook> element, saying so, and builds the notebooks", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "phoenix-not-notebook-folder-"));
  t.after(() => rm(dir, {recursive: true, force: true}));
  const notebooks = join(dir, "notebooks");
  await mkdir(notebooks);
  await copyFile(basic, join(notebooks, "basic.html"));
  await writeFile(join(notebooks, "about.html"), "<p>not a notebook</p>\n");
  const out = join(dir, "site");
  const result = await cli(["build", notebooks, "--out", out, "--no-bake"], {timeoutMs: 180_000});
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stderr,
    /^phoenix-notebook: about\.html: skipped: not a notebook \(no <notebook> element\)$/m
  );
  const written = await readdir(out);
  assert.ok(written.includes("basic.html"));
  assert.ok(!written.includes("about.html"));
});

test("build of a folder that holds no notebook is one usage line, exit 2", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "phoenix-no-notebooks-"));
  t.after(() => rm(dir, {recursive: true, force: true}));
  await writeFile(join(dir, "about.html"), "<p>not a notebook</p>\n");
  // Before: "build failed:\n  no notebooks in …", exit 1.
  assertUsageLine(
    await cli(["build", dir, "--out", join(dir, "site"), "--no-bake"]),
    /^no notebooks in \S+: no \.html file in it has a <notebook> element$/
  );
});
