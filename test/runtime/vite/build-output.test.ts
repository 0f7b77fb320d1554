import assert from "node:assert/strict";
import {mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, relative, sep} from "node:path";
import {after, before, describe, test} from "node:test";
import {build} from "../../../src/cli/build.ts";
import {BuildError, buildSite} from "../../../src/runtime/vite/build-site.ts";

const MANIFEST = ".phoenix-notebook-build.json";

let temp: string;
let notebooks: string;

before(async () => {
  temp = await mkdtemp(join(tmpdir(), "phoenix-build-output-"));
  notebooks = join(temp, "notebooks");
  await mkdir(notebooks);
  await writeNotebook("t.html");
  await writeNotebook("u.html");
});

after(async () => {
  await rm(temp, {recursive: true, force: true});
});

test("buildSite() refuses a non-empty folder that holds no build of ours, naming it and --force", async () => {
  const out = join(temp, "mine");
  await mkdir(join(out, "assets"), {recursive: true});
  await writeFile(join(out, "index.html"), "my page");
  await writeFile(join(out, "assets", "app.js"), "my script");
  await assert.rejects(buildSite({input: notebooks, outDir: out}), (error) => {
    assert.ok(error instanceof BuildError);
    assert.deepEqual(error.problems, [
      `--out ${out} is not empty and holds no build of ours (no ${MANIFEST}): pass --force to build into it anyway`
    ]);
    return true;
  });
  assert.deepEqual(await filesOf(out), ["assets/app.js", "index.html"]);
  assert.equal(await readFile(join(out, "index.html"), "utf8"), "my page");
});

test("buildSite() refuses a manifest that lists a path outside its folder, and deletes nothing", async () => {
  const out = join(temp, "tampered");
  await mkdir(out);
  await writeFile(join(temp, "outside.txt"), "keep me");
  await writeFile(join(out, MANIFEST), JSON.stringify({files: ["index.html", "../outside.txt"]}));
  await assert.rejects(buildSite({input: notebooks, outDir: out}), {
    message: `${join(out, MANIFEST)}: "../outside.txt" is not a path inside ${out}`
  });
  assert.equal(await readFile(join(temp, "outside.txt"), "utf8"), "keep me");
});

test("buildSite() refuses a manifest whose files lie behind a symbolic link to elsewhere", async () => {
  const out = join(temp, "linked");
  await mkdir(join(temp, "elsewhere"));
  await writeFile(join(temp, "elsewhere", "x.js"), "keep me");
  await mkdir(out);
  await symlink(join(temp, "elsewhere"), join(out, "assets"));
  await writeFile(join(out, MANIFEST), JSON.stringify({files: ["assets/x.js"]}));
  await assert.rejects(buildSite({input: notebooks, outDir: out}), {
    message: `${join(out, MANIFEST)}: "assets/x.js" is not a path inside ${out}`
  });
  assert.equal(await readFile(join(temp, "elsewhere", "x.js"), "utf8"), "keep me");
});

// One output folder through successive builds: each test starts from the folder the previous one left.
describe("rebuilding into a folder of ours", () => {
  const out = () => join(temp, "site");

  test("buildSite() lists what it wrote in the manifest", async () => {
    await buildSite({input: notebooks, outDir: out()});
    const {files} = JSON.parse(await readFile(join(out(), MANIFEST), "utf8")) as {files: string[]};
    assert.deepEqual(files, (await filesOf(out())).filter((file) => file !== MANIFEST).sort());
    assert.ok(files.includes("t.html") && files.includes("u.html") && files.includes("a.txt"));
  });

  test("buildSite() over its own output keeps the user's files and removes what it no longer writes", async () => {
    await writeFile(join(out(), "notes.txt"), "mine");
    await writeFile(join(out(), "assets", "mine.js"), "mine");
    await rm(join(notebooks, "u.html"));
    await buildSite({input: notebooks, outDir: out()});
    const files = await filesOf(out());
    assert.ok(
      files.includes("t.html") && !files.includes("u.html"),
      "u.html was ours: gone with its notebook"
    );
    assert.equal(await readFile(join(out(), "notes.txt"), "utf8"), "mine");
    assert.equal(await readFile(join(out(), "assets", "mine.js"), "utf8"), "mine");
  });

  test("build refuses to overwrite a user's file at a path it writes, unless --force", async (t) => {
    await writeFile(join(out(), "u.html"), "my own u.html");
    await writeNotebook("u.html");
    const printed = t.mock.method(console, "error", () => {});
    t.mock.method(console, "log", () => {});
    assert.equal(await build([notebooks, "--out", out()]), 1);
    assert.match(
      String(printed.mock.calls[0]?.arguments[0]),
      /u\.html is not from a previous build: pass --force to overwrite it/
    );
    assert.equal(await readFile(join(out(), "u.html"), "utf8"), "my own u.html");
    assert.equal(await build([notebooks, "--out", out(), "--force"]), 0);
    assert.match(await readFile(join(out(), "u.html"), "utf8"), /<title>u\.html<\/title>/);
    assert.equal(await readFile(join(out(), "notes.txt"), "utf8"), "mine");
  });
});

async function writeNotebook(name: string): Promise<void> {
  await writeFile(join(notebooks, "a.txt"), "attached");
  const html = `<!doctype html>\n<notebook>\n  <title>${name}</title>\n  <script type="application/vnd.observable.javascript">\n    FileAttachment("a.txt").text()\n  </script>\n</notebook>\n`;
  await writeFile(join(notebooks, name), html);
}

/** Every file under `dir`, relative, with `/` separators, sorted. */
async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

// In a child with a time limit: as root, Node's recursive mkdir of /proc/x retried for ever.
test("buildSite() into a folder that cannot be made (/proc/x) fails naming it, instead of retrying for ever", async () => {
  const {execFile} = await import("node:child_process");
  const script = `
    const {buildSite} = await import(${JSON.stringify(new URL("../../../src/runtime/vite/build-site.ts", import.meta.url).href)});
    await buildSite({input: ${JSON.stringify(notebooks)}, outDir: "/proc/phoenix-build-output", logLevel: "silent"}).then(
      () => console.log("built"),
      (error) => console.log("failed:", error.message)
    );`;
  const result = await new Promise<{stdout: string; killed: boolean}>((resolve) =>
    execFile(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "--eval", script],
      {timeout: 90_000, killSignal: "SIGKILL"},
      (error, stdout) => resolve({stdout, killed: error?.signal === "SIGKILL"})
    )
  );
  assert.equal(result.killed, false, "buildSite hung");
  assert.match(result.stdout, /^failed: .*\/proc\/phoenix-build-output/m);
});
