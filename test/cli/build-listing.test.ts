// What `build` prints: each file it wrote, once, and no file it did not write.
import assert from "node:assert/strict";
import {mkdir, mkdtemp, readdir, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {cli} from "../helpers/cli.ts";

const notebook = (title: string) =>
  `<!doctype html>\n<notebook>\n  <title>${title}</title>\n  <script type="text/markdown">\n    # ${title}\n  </script>\n</notebook>\n`;

/** A folder holding a notebook per name, and a fresh --out path beside it. */
async function notebooks(t: {after(fn: () => Promise<void>): void}, ...names: string[]) {
  const dir = await mkdtemp(join(tmpdir(), "phoenix-build-listing-"));
  t.after(() => rm(dir, {recursive: true, force: true}));
  await mkdir(join(dir, "notebooks"));
  for (const name of names) await writeFile(join(dir, "notebooks", name), notebook(name));
  return {input: join(dir, "notebooks"), out: join(dir, "out")};
}

// The `  OUT/page` lines of build's output, as page paths.
const listed = (stdout: string, out: string) =>
  stdout
    .split("\n")
    .filter((line) => line.startsWith(`  ${out}/`))
    .map((line) => line.slice(out.length + 3));

test("build DIR --single-file lists its pages and no index, for it writes none", async (t) => {
  const {input, out} = await notebooks(t, "a.html", "b.html");
  const result = await cli(["build", input, "--out", out, "--single-file", "--no-bake"], {
    timeoutMs: 240_000
  });
  assert.equal(result.code, 0, result.stderr);
  // Before: a third line, OUT/index.html.
  assert.deepEqual(listed(result.stdout, out), ["a.html", "b.html"]);
  assert.deepEqual((await readdir(out)).filter((name) => !name.startsWith(".")).sort(), ["a.html", "b.html"]);
});

test("build DIR whose own notebook is index.html lists it once", async (t) => {
  const {input, out} = await notebooks(t, "index.html", "other.html");
  const result = await cli(["build", input, "--out", out, "--no-bake"], {timeoutMs: 240_000});
  assert.equal(result.code, 0, result.stderr);
  // Before: index.html twice, as a page and as the generated index that was not written.
  assert.deepEqual(listed(result.stdout, out), ["index.html", "other.html"]);
});

test("build DIR lists the index it generates after the pages", async (t) => {
  const {input, out} = await notebooks(t, "a.html");
  const result = await cli(["build", input, "--out", out, "--no-bake"], {timeoutMs: 240_000});
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(listed(result.stdout, out), ["a.html", "index.html"]);
  assert.ok((await readdir(out)).includes("index.html"));
});
