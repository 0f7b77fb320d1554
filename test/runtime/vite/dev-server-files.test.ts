import assert from "node:assert/strict";
import {mkdir, mkdtemp, readFile, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {execFileSync} from "node:child_process";
import {after, before, test} from "node:test";
import {startDevServer, type DevServer} from "../../../src/runtime/vite/dev-server.ts";
import {packageRoot} from "../../../src/runtime/vite/paths.ts";

let temp: string;
let root: string;
let server: DevServer;

// A served folder holding what must never leave it: secrets, a repository, links to a file outside it.
before(async () => {
  temp = await mkdtemp(join(tmpdir(), "phoenix-dev-files-"));
  root = join(temp, "notebooks");
  await mkdir(join(root, ".git"), {recursive: true});
  await mkdir(join(root, "data"));
  await writeFile(join(temp, "outside.txt"), "a file outside the served folder");
  await writeFile(join(root, "data", "rows.csv"), "a,b\n1,2\n");
  await writeFile(join(root, "data", "100%.csv"), "a\n1\n");
  await writeFile(join(root, ".env"), "OPENAI_API_KEY=sk-secret");
  await writeFile(join(root, "key.pem"), "-----BEGIN PRIVATE KEY-----");
  await writeFile(join(root, ".git", "config"), "[remote]");
  await writeFile(join(root, "data", ".secret"), "hidden");
  await symlink(join(temp, "outside.txt"), join(root, "data", "outside.csv"));
  await symlink(temp, join(root, "up"));
  await symlink(join(root, "data", "rows.csv"), join(root, "data", "alias.csv"));
  execFileSync("mkfifo", [join(root, "data", "pipe.csv")]);
  server = await startDevServer({root, port: 0, logLevel: "silent"});
});

after(async () => {
  await server?.close();
  if (temp) await rm(temp, {recursive: true, force: true});
});

const status = async (path: string, headers: Record<string, string> = {}) =>
  (await fetch(new URL(path, server.url), {headers})).status;

test("the dev server sends a data file, and one that a symbolic link inside the folder points at", async () => {
  assert.equal(await status("data/rows.csv"), 200);
  assert.equal(await status("data/alias.csv"), 200);
});

test("the dev server answers 400 to a malformed URI and sends a file named with % by its encoded name", async () => {
  assert.equal(await status("data/100%.csv"), 400); // before: 500, URIError from decodeURIComponent
  assert.equal(await status("data/100%25.csv"), 200);
});

test("the dev server refuses a symbolic link to a file outside its folder, however it is asked", async () => {
  for (const path of ["data/outside.csv", "up/outside.txt", "data/outside.csv?import", "up/outside.txt?raw"])
    assert.ok([403, 404].includes(await status(path)), path);
  assert.ok([403, 404].includes(await status("data/outside.csv", {"sec-fetch-dest": "script"})));
});

test(
  "the dev server refuses a FIFO at once, and goes on answering (each request for one held a thread for ever)",
  {timeout: 30_000},
  async () => {
    // More requests than libuv has threads (4): before, the fifth hung and so did every request after it.
    const statuses = await Promise.all(Array.from({length: 6}, () => status("data/pipe.csv")));
    assert.deepEqual(new Set(statuses), new Set([403]));
    assert.equal(await status("data/rows.csv"), 200);
  }
);

test("the dev server never sends a dotfile, a key file or a repository's files", async () => {
  for (const path of [".env", "key.pem", ".git/config", "data/.secret", ".env?raw", "data/.secret?import"])
    assert.ok([403, 404].includes(await status(path)), path);
  for (const path of [".env", "data/.secret"])
    assert.ok([403, 404].includes(await status(`@fs${join(root, path)}`)), `/@fs/…/${path}`);
  // Nor one in the package's node_modules, whose folders are served for the page's code (npm writes this one).
  assert.equal(await status(`@fs${join(packageRoot, "node_modules", ".package-lock.json")}`), 403);
});

test("the dev server sends the package's client code but no other file of the package", async () => {
  assert.equal(await status(`@fs${join(packageRoot, "src/runtime/client/entry.ts")}`), 200);
  for (const file of ["package.json", "README.md", "test/runtime/vite/dev-server-files.test.ts"])
    assert.ok([403, 404].includes(await status(`@fs${join(packageRoot, file)}`)), file);
});

test("the dev server sends the site's icon as a build has it at the root, and its pages link it", async () => {
  for (const name of ["favicon.ico", "favicon.svg"]) {
    const response = await fetch(new URL(name, server.url));
    assert.equal(response.status, 200, name);
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.deepEqual(bytes, await readFile(join(packageRoot, "assets", name)), name);
  }
  await writeFile(join(root, "page.html"), `<notebook><script type="text/markdown"># Hi</script></notebook>`);
  const html = await (await fetch(new URL("page.html", server.url))).text();
  assert.ok(html.includes(`<link rel="icon" href="favicon.svg" type="image/svg+xml">`), html);
  assert.ok((await (await fetch(server.url)).text()).includes(`<link rel="icon" href="favicon.svg"`));
});
