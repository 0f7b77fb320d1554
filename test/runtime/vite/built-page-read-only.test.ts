import assert from "node:assert/strict";
import {mkdtemp, readdir, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {build} from "../../../src/cli/build.ts";

test("a built page is read-only: no save token or file text in it, no editor (CodeMirror) in its scripts", async () => {
  const out = await mkdtemp(join(tmpdir(), "phoenix-read-only-"));
  try {
    assert.equal(await build(["notebooks/penguins.html", "--out", out]), 0);
    const page = await readFile(join(out, "penguins.html"), "utf8");
    assert.match(page, /"notebook":/);
    assert.doesNotMatch(page, /"editing"|"token"/);
    const scripts = (await readdir(join(out, "assets"))).filter((name) => name.endsWith(".js"));
    assert.ok(scripts.length > 0);
    for (const name of scripts) {
      const text = await readFile(join(out, "assets", name), "utf8");
      for (const mark of ["@codemirror", "cm-editor", "phx-edit-bar", "/@phoenix-notebook/save"])
        assert.ok(!text.includes(mark), `${name} holds ${mark}`);
    }
  } finally {
    await rm(out, {recursive: true, force: true});
  }
});
