// What a notebook's modules import is published with its page: never a dotfile, never a file outside the
// notebook's folder, whichever module imports it (the cell itself, or a helper module beside the notebook).
import assert from "node:assert/strict";
import {mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {build} from "../../../src/cli/build.ts";
import {startDevServer} from "../../../src/runtime/vite/dev-server.ts";
import {packageRoot} from "../../../src/runtime/vite/paths.ts";

const SECRETS = ["ENVSECRET3", "GITPASS3", "OUTSIDESECRET3", "ABSOLUTESECRET3", "LINKEDSECRET3"];

let temp: string;

// site/ holds the notebooks, a .env and a repository's config; beside it, files the site must never publish.
before(async () => {
  temp = await mkdtemp(join(tmpdir(), "phoenix-import-bounds-"));
  await mkdir(join(temp, "site", ".git"), {recursive: true});
  await writeFile(join(temp, "site", ".env"), "ENVSECRET3=abc\n");
  await writeFile(join(temp, "site", ".git", "config"), "url=https://user:GITPASS3@host\n");
  await writeFile(join(temp, "secret.txt"), "OUTSIDESECRET3\n");
  await writeFile(join(temp, "absolute.txt"), "ABSOLUTESECRET3\n");
  await writeFile(join(temp, "outside.mjs"), `export const secret = "LINKEDSECRET3";\n`);
});

after(async () => {
  if (temp) await rm(temp, {recursive: true, force: true});
});

// A notebook of one JavaScript cell per source.
async function notebook(path: string, ...cells: string[]): Promise<void> {
  const scripts = cells.map((cell) => `<script type="module">\n${cell}\n</script>`);
  await writeFile(path, `<!doctype html>\n<notebook>\n${scripts.join("\n")}\n</notebook>\n`);
}

// Every file under `dir`, dotfiles included, that holds one of the secrets (its bytes, not only its text).
async function filesWithSecrets(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true}).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const bytes = await readFile(join(entry.parentPath, entry.name));
    if (SECRETS.some((secret) => bytes.includes(secret))) found.push(join(entry.parentPath, entry.name));
  }
  return found;
}

async function runBuild(t: {mock: {method: typeof test.mock.method}}, input: string, out: string) {
  const errors: string[] = [];
  t.mock.method(console, "error", (line: string) => errors.push(line));
  t.mock.method(console, "log", () => {});
  t.mock.method(console, "warn", () => {});
  return {code: await build([input, "--out", out, "--no-bake"]), errors: errors.join("\n")};
}

test("build publishes no dotfile a cell imports (./.env?raw, ./.git/config?raw), and what the folder's modules may import", async (t) => {
  const site = join(temp, "cells");
  await mkdir(join(site, ".git"), {recursive: true});
  await writeFile(join(site, ".env"), "ENVSECRET3=abc\n");
  await writeFile(join(site, ".git", "config"), "url=https://user:GITPASS3@host\n");
  // What a module of the folder may bring: a module beside it, a package (its project's node_modules, here a
  // link to this repository's), a file it reads by URL.
  await symlink(join(packageRoot, "node_modules"), join(site, "node_modules"));
  await mkdir(join(site, "lib"));
  await writeFile(join(site, "lib", "mark.mjs"), `export const mark = "FINEMARK3";\n`);
  await writeFile(join(site, "lib", "data.txt"), "FINEDATA3\n");
  await writeFile(
    join(site, "fine.mjs"),
    [
      `import {format} from "d3-format";`,
      `export {mark} from "./lib/mark.mjs";`,
      `export const data = new URL("./lib/data.txt", import.meta.url).href;`,
      `export const n = format(",")(1234);`
    ].join("\n")
  );
  await notebook(
    join(site, "nb.html"),
    `import gc from "./.git/config?raw";\ndisplay(gc);`,
    `import envv from "./.env?raw";\ndisplay(envv);`,
    `import {mark, data, n} from "./fine.mjs";\ndisplay(mark + data + n);`
  );
  const out = join(temp, "cells-out");
  const {code} = await runBuild(t, site, out);
  assert.equal(code, 0);
  assert.deepEqual(await filesWithSecrets(out), []);
  const scripts = await Promise.all(
    (await readdir(join(out, "assets"))).map((name) => readFile(join(out, "assets", name), "utf8"))
  );
  assert.ok(
    scripts.some((script) => script.includes("FINEMARK3")),
    "the module beside the notebook is bundled"
  );
  const data = Buffer.from("FINEDATA3\n").toString("base64");
  assert.ok(
    scripts.some((script) => script.includes(data)),
    "the file it reads by URL is inlined"
  );
  // The loader of each in the page's client: a rejection with the message (minified: quotes escaped or not).
  for (const specifier of ["./.git/config?raw", "./.env?raw"]) {
    const escaped = specifier.replace(/[.?]/g, "\\$&");
    const message = new RegExp(
      `cannot import \\\\?"${escaped}\\\\?": it is a dotfile; dotfiles are never published`
    );
    assert.ok(
      scripts.some((script) => message.test(script)),
      `the page's loader for ${specifier} fails with why`
    );
  }
});

test("build refuses what a helper module beside the notebook imports from outside its folder or a dotfile", async (t) => {
  const site = join(temp, "site");
  await symlink(join(temp, "outside.mjs"), join(site, "link.mjs"));
  await writeFile(
    join(site, "raw.mjs"),
    [
      `export {default as pw} from "${join(temp, "absolute.txt")}?raw";`,
      `export {default as envv} from "../secret.txt?raw";`,
      `export {default as gc} from "./.git/config?raw";`,
      `export {default as dot} from "./.env?raw";`,
      `export {secret} from "./link.mjs";`,
      `export const viaUrl = [new URL("../secret.txt", import.meta.url), new URL("./.env", import.meta.url)];`,
      `export const worker = () => new Worker(new URL("./worker.mjs", import.meta.url), {type: "module"});`
    ].join("\n")
  );
  // A worker is bundled apart: its imports are held to the same bounds.
  await writeFile(join(site, "worker.mjs"), `import s from "../secret.txt?raw";\npostMessage(s);\n`);
  await notebook(
    join(site, "nb.html"),
    `import {pw, envv, gc, dot, secret} from "./raw.mjs";\ndisplay(pw + envv + gc + dot + secret);`
  );
  const out = join(temp, "site-out");
  const {code, errors} = await runBuild(t, site, out);
  assert.equal(code, 1);
  assert.deepEqual(await filesWithSecrets(out), []);
  for (const [specifier, why] of [
    [`${join(temp, "absolute.txt")}?raw`, "it lies outside the notebook's folder"],
    ["../secret.txt?raw", "it lies outside the notebook's folder"],
    ["./.git/config?raw", "it is a dotfile; dotfiles are never published"],
    ["./.env?raw", "it is a dotfile; dotfiles are never published"],
    ["./link.mjs", "it lies outside the notebook's folder"]
  ])
    assert.ok(errors.split("\n").includes(`  nb.html: raw.mjs cannot import "${specifier}": ${why}`), errors);
  for (const line of [
    `  nb.html: raw.mjs cannot publish new URL("../secret.txt"): it lies outside the notebook's folder`,
    `  nb.html: raw.mjs cannot publish new URL("./.env"): it is a dotfile; dotfiles are never published`,
    `  nb.html: worker.mjs cannot import "../secret.txt?raw": it lies outside the notebook's folder`
  ])
    assert.ok(errors.split("\n").includes(line), errors);
});

test("serve refuses a re-export from outside its folder: the module gets a stand-in, /@fs/ for the file a 403", async () => {
  const root = join(temp, "served");
  await mkdir(join(root, "inside"), {recursive: true});
  await writeFile(join(root, "inside", "mod.mjs"), `export {secret} from "../../outside.mjs";\n`);
  await notebook(join(root, "nb.html"), `import {secret} from "./inside/mod.mjs";\ndisplay(secret);`);
  const server = await startDevServer({root, port: 0, logLevel: "silent"});
  try {
    const get = async (path: string) => {
      const response = await fetch(new URL(path, server.url), {headers: {"sec-fetch-dest": "script"}});
      return {status: response.status, text: await response.text()};
    };
    assert.equal((await get("nb.html")).status, 200);
    const served = await get("inside/mod.mjs");
    assert.equal(served.status, 200);
    assert.doesNotMatch(served.text, /outside\.mjs"|@fs/, served.text);
    const stand = /from "([^"]+)"/.exec(served.text)?.[1];
    assert.ok(stand !== undefined, served.text);
    const refused = await get(stand);
    assert.ok(
      refused.text.includes(
        String.raw`throw new Error("nb.html: inside/mod.mjs cannot import \"../../outside.mjs\": it lies outside the notebook's folder");`
      ),
      refused.text
    );
    assert.ok(!SECRETS.some((secret) => refused.text.includes(secret)));
    const direct = await get(`@fs${join(temp, "outside.mjs")}`);
    assert.ok([403, 404].includes(direct.status), `/@fs/…/outside.mjs answered ${direct.status}`);
  } finally {
    await server.close();
  }
});
