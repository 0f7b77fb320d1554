// An --out that cannot take the build is a mistake on the command line: one usage line, exit 2, no hang.
import assert from "node:assert/strict";
import {copyFile, mkdir, mkdtemp, readdir, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {assertUsageLine, cli} from "../helpers/cli.ts";

const basic = fileURLToPath(new URL("../fixtures/notebooks/basic.html", import.meta.url));

/** A folder `notebooks` holding basic.html, in a fresh temporary folder that the test removes. */
async function project(t: {after(fn: () => Promise<void>): void}) {
  const dir = await mkdtemp(join(tmpdir(), "phoenix-build-out-"));
  t.after(() => rm(dir, {recursive: true, force: true}));
  await mkdir(join(dir, "notebooks"));
  await copyFile(basic, join(dir, "notebooks", "basic.html"));
  return {dir, notebooks: join(dir, "notebooks")};
}

test("build --out the notebooks' own folder is one usage line, exit 2", async (t) => {
  const {notebooks} = await project(t);
  // Before: the same words, exit 2, but without "(phoenix-notebook --help for usage)".
  assertUsageLine(
    await cli(["build", notebooks, "--out", notebooks, "--no-bake"]),
    /^--out \S+notebooks would overwrite the notebooks in \S+notebooks$/
  );
  assert.deepEqual(await readdir(notebooks), ["basic.html"]);
});

test("build --out a folder of someone else's files is one usage line, exit 2", async (t) => {
  const {dir, notebooks} = await project(t);
  const out = join(dir, "mine");
  await mkdir(out);
  await writeFile(join(out, "notes.txt"), "mine");
  assertUsageLine(
    await cli(["build", notebooks, "--out", out, "--no-bake"]),
    /^--out \S+mine is not empty and holds no build of ours \(no \.phoenix-notebook-build\.json\): pass --force to build into it anyway$/
  );
  assert.deepEqual(await readdir(out), ["notes.txt"]);
});

// As root, Node's recursive mkdir of /proc/x retried for ever: the child's time limit catches a hang.
test("build --out under /proc, /sys or /dev is one usage line, exit 2, at once", async (t) => {
  const {notebooks} = await project(t);
  for (const kernel of ["/proc", "/sys", "/dev"]) {
    const out = join(kernel, `phoenix-build-out-${process.pid}`, "site");
    t.after(() => rm(dirname(out), {recursive: true, force: true}));
    const result = await cli(["build", notebooks, "--out", out, "--no-bake"], {timeoutMs: 60_000});
    assertUsageLine(result, new RegExp(`^--out: cannot write ${out}: ${kernel} `));
  }
});
