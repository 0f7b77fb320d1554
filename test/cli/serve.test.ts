import assert from "node:assert/strict";
import {spawn, type ChildProcess} from "node:child_process";
import {cp, mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {serve} from "../../src/cli/serve.ts";
import {UsageError} from "../../src/cli/usage-error.ts";

let dir: string;
let child: ChildProcess;
let url: string;
let output = "";

// The real command, as `npm start` runs it, but on a free port, in a copy, and with no display to open.
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "phoenix-serve-"));
  await cp("notebooks", dir, {recursive: true});
  const env = {...process.env, DISPLAY: "", WAYLAND_DISPLAY: ""};
  child = spawn(process.execPath, ["bin/phoenix-notebook.js", "serve", dir, "--port", "0", "--open"], {env});
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
  url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk;
      const match = /serving .* at (http:\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
});

after(async () => {
  if (child?.exitCode === null) child.kill("SIGKILL");
  if (dir) await rm(dir, {recursive: true, force: true});
});

test("serve prints a 127.0.0.1 URL and, with no browser to open, keeps running", async () => {
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  await until(() => /no browser to open here/.test(output));
  assert.equal(child.exitCode, null);
});

test("serve lists the notebooks at /", async () => {
  const index = await (await fetch(url)).text();
  assert.match(index, /<a href=".\/penguins.html">Penguins: a reactive notebook on real data<\/a>/);
});

test("serve turns a notebook file into a page that embeds its cells and loads the client", async () => {
  const response = await fetch(new URL("penguins.html", url));
  assert.equal(response.headers.get("content-type"), "text/html; charset=utf-8");
  const page = await response.text();
  assert.match(page, /<script type="application\/json" id="phoenix-notebook-data">\{"file":"penguins.html"/);
  assert.match(page, /<script type="module" src="\/@phoenix-notebook\/client.ts"><\/script>/);
  const client = await fetch(new URL("@phoenix-notebook/client.ts", url));
  assert.equal(client.status, 200);
});

test("serve sends the files of the notebook directory as they are", async () => {
  const response = await fetch(new URL("data/penguins.csv", url));
  assert.equal(response.headers.get("content-type"), "text/csv; charset=utf-8");
  assert.equal(await response.text(), await readFile(join(dir, "data", "penguins.csv"), "utf8"));
  assert.equal((await fetch(new URL("data/missing.csv", url))).status, 404);
});

test("serve stops cleanly on Ctrl-C", async () => {
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  child.kill("SIGINT");
  assert.equal(await exited, 0);
});

test("serve() rejects a missing directory and a bad port", async () => {
  await assert.rejects(serve([join(dir, "nope")]), UsageError);
  await assert.rejects(serve([dir, "--port", "http"]), UsageError);
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out; output so far:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
