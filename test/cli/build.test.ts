import assert from "node:assert/strict";
import {mkdir, mkdtemp, readFile, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {build} from "../../src/cli/build.ts";
import {UsageError} from "../../src/cli/usage-error.ts";
import {BuildError, buildSite} from "../../src/runtime/vite/build-site.ts";

let temp: string;

before(async () => {
  temp = await mkdtemp(join(tmpdir(), "phoenix-build-"));
});

after(async () => {
  await rm(temp, {recursive: true, force: true});
});

test("build() writes a page per notebook, an index, relative asset URLs and the attached files", async (t) => {
  t.mock.method(console, "log", () => {});
  const out = join(temp, "site");
  assert.equal(await build(["notebooks", "--out", out]), 0);
  const page = await readFile(join(out, "penguins.html"), "utf8");
  assert.match(page, /<title>Penguins: a reactive notebook on real data<\/title>/);
  assert.match(page, /<script type="module" crossorigin src="\.\/assets\/[^"]+\.js"><\/script>/);
  assert.doesNotMatch(page, /(src|href)="\//, "no root-relative URL: the site may live in any folder");
  assert.match(page, /id="phoenix-notebook-data">\{"file":"penguins.html"/);
  const index = await readFile(join(out, "index.html"), "utf8");
  assert.match(index, /<a href=".\/penguins.html">Penguins: a reactive notebook on real data<\/a>/);
  const csv = await readFile(join(out, "data", "penguins.csv"));
  assert.deepEqual(csv, await readFile("notebooks/data/penguins.csv"));
});

test("buildSite() keeps a folder's own index.html notebook as its front page instead of the generated list", async () => {
  const dir = join(temp, "front");
  await mkdir(dir, {recursive: true});
  const notebook = (title: string) =>
    `<!doctype html>\n<notebook>\n  <title>${title}</title>\n  <script type="text/markdown">\n    # ${title}\n  </script>\n</notebook>\n`;
  await writeFile(join(dir, "index.html"), notebook("Front page"));
  await writeFile(join(dir, "other.html"), notebook("Other page"));
  const out = join(temp, "front-site");
  await buildSite({input: dir, outDir: out});
  const index = await readFile(join(out, "index.html"), "utf8");
  assert.match(index, /<title>Front page<\/title>/);
  assert.match(index, /id="phoenix-notebook-data">\{"file":"index.html"/);
  assert.match(await readFile(join(out, "other.html"), "utf8"), /<title>Other page<\/title>/);
});

test("buildSite() fails on a missing attachment, naming the notebook, the cell's line and the file", async () => {
  const dir = join(temp, "missing");
  await writeNotebook(dir, "rows = FileAttachment('data/nope.csv').csv()");
  await assert.rejects(buildSite({input: join(dir, "missing.html"), outDir: join(temp, "out")}), (error) => {
    assert.ok(error instanceof BuildError);
    assert.equal(error.problems.length, 1);
    assert.match(
      error.problems[0]!,
      /^missing\.html:5 \(cell rows\): FileAttachment\("data\/nope\.csv"\) not found/
    );
    return true;
  });
});

test("build() exits 1 and prints the problem when an attachment is missing", async (t) => {
  const dir = join(temp, "missing-cli");
  await writeNotebook(dir, "FileAttachment('../outside.csv').text()");
  const printed = t.mock.method(console, "error", () => {});
  assert.equal(await build([dir, "--out", join(temp, "out")]), 1);
  assert.match(
    String(printed.mock.calls[0]?.arguments[0]),
    /missing\.html:5: FileAttachment\("\.\.\/outside\.csv"\) is outside/
  );
});

test("build() without --out, or with an --out holding the notebooks, is refused", async () => {
  await assert.rejects(build(["notebooks"]), UsageError);
  await assert.rejects(buildSite({input: "notebooks/penguins.html", outDir: "."}), BuildError);
});

test("build() refuses an --out that is the notebooks' folder through a symbolic link, and leaves the notebook as it was", async () => {
  const dir = join(temp, "linked-notebooks");
  await writeNotebook(dir, "1 + 1");
  const before = await readFile(join(dir, "missing.html"), "utf8");
  await symlink(dir, join(temp, "link-to-notebooks"));
  // Before, the paths as written differed, and the built page replaced missing.html (with --force).
  await assert.rejects(
    build([join(dir, "missing.html"), "--out", join(temp, "link-to-notebooks"), "--force", "--no-bake"]),
    (error) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /^--out \S+link-to-notebooks would overwrite the notebooks in /);
      return true;
    }
  );
  assert.equal(await readFile(join(dir, "missing.html"), "utf8"), before);
});

// The test's own limit is under the bake's 60 s: a refusal that came after the bake would fail it.
test(
  "build() refuses a non-empty --out of someone else's files as a usage mistake, before running any cell",
  {timeout: 45_000},
  async () => {
    const dir = join(temp, "never-settles");
    // A cell that would keep the bake busy for its whole timeout: the refusal must come first.
    await writeNotebook(dir, "new Promise(() => {})");
    const out = join(temp, "someone-elses");
    await mkdir(out, {recursive: true});
    await writeFile(join(out, "notes.txt"), "mine");
    await assert.rejects(build([dir, "--out", out, "--bake-timeout", "60"]), (error) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /^--out \S+ is not empty and holds no build of ours/);
      return true;
    });
  }
);

async function writeNotebook(dir: string, source: string): Promise<void> {
  await mkdir(dir, {recursive: true});
  const html = `<!doctype html>\n<notebook>\n  <title>Missing</title>\n  <script type="application/vnd.observable.javascript">\n    ${source}\n  </script>\n</notebook>\n`;
  await writeFile(join(dir, "missing.html"), html);
}
