import assert from "node:assert/strict";
import {chmod, cp, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile} from "node:fs/promises";
import {request as httpRequest} from "node:http";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {
  NOTEBOOK_DATA_ID,
  SAVE_TOKEN_HEADER,
  SAVE_URL,
  type NotebookData
} from "../../../src/runtime/client/protocol.ts";
import {startDevServer, type DevServer} from "../../../src/runtime/vite/dev-server.ts";

let dir: string;
let outside: string;
let server: DevServer;
let origin: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "phoenix-save-"));
  outside = await mkdtemp(join(tmpdir(), "phoenix-outside-"));
  await cp("notebooks", dir, {recursive: true});
  await writeFile(join(outside, "secret.html"), "<notebook><title>outside</title></notebook>");
  await symlink(join(outside, "secret.html"), join(dir, "escape.html"));
  await symlink(join(dir, "penguins.html"), join(dir, "alias.html"));
  server = await startDevServer({root: dir, port: 0, logLevel: "silent"});
  origin = new URL(server.url).origin;
});

after(async () => {
  await server?.close();
  await rm(dir, {recursive: true, force: true});
  await rm(outside, {recursive: true, force: true});
});

/** What a page served for `file` embeds: its text and token. */
async function served(file: string): Promise<NotebookData> {
  const html = await (await fetch(new URL(file, server.url))).text();
  const json = new RegExp(`id="${NOTEBOOK_DATA_ID}">(.*?)</script>`, "s").exec(html)?.[1];
  assert.ok(json, `${file} is a notebook page`);
  return JSON.parse(json) as NotebookData;
}

async function save(body: object, token: string | undefined, headers: Record<string, string> = {origin}) {
  const response = await fetch(new URL(SAVE_URL, server.url), {
    method: "POST",
    headers: {"content-type": "application/json", ...(token ? {[SAVE_TOKEN_HEADER]: token} : {}), ...headers},
    body: JSON.stringify(body)
  });
  return {status: response.status, body: (await response.json()) as Record<string, string>};
}

test("the save endpoint writes the page's notebook atomically and refuses a save made on an older text", async () => {
  const {editing} = await served("penguins.html");
  assert.ok(editing);
  const text = editing.text.replace("# Palmer penguins", "# Palmer penguins, saved");
  const file = "penguins.html";
  assert.deepEqual(await save({file, base: editing.text, text}, editing.token), {
    status: 200,
    body: {status: "saved"}
  });
  assert.equal(await readFile(join(dir, file), "utf8"), text);
  assert.deepEqual(
    (await readdir(dir)).filter((name) => name.endsWith(".tmp")),
    [],
    "no temporary file is left"
  );
  const stale = await save({file, base: editing.text, text: editing.text}, editing.token);
  assert.deepEqual(stale, {status: 409, body: {status: "conflict", theirs: text}});
  assert.equal(await readFile(join(dir, file), "utf8"), text, "a conflict writes nothing");
});

test("the save endpoint keeps the other version of a conflict as a copy beside the notebook", async () => {
  const {editing} = await served("penguins.html");
  assert.ok(editing);
  const file = "penguins.html";
  const theirs = editing.text.replace("Move the slider", "Drag the slider");
  await writeFile(join(dir, file), theirs);
  const mine = editing.text.replace("Move the slider", "Slide it");
  const kept = await save({file, base: theirs, text: mine, keep: "mine"}, editing.token);
  assert.equal(kept.status, 200);
  assert.equal(await readFile(join(dir, file), "utf8"), mine);
  assert.match(kept.body.copy!, /^penguins\.conflict-.*-theirs\.html$/);
  assert.equal(await readFile(join(dir, kept.body.copy!), "utf8"), theirs);
  const other = await save({file, base: "", text: theirs, keep: "theirs"}, editing.token);
  assert.match(other.body.copy!, /^penguins\.conflict-.*-mine\.html$/);
  assert.equal(await readFile(join(dir, other.body.copy!), "utf8"), theirs);
  assert.equal(await readFile(join(dir, file), "utf8"), mine, "keeping theirs leaves the file as it is");
});

test("the save endpoint refuses another file, a path out of the folder, a symbolic link and a missing token", async () => {
  const {editing} = await served("penguins.html");
  assert.ok(editing);
  const before = await readFile(join(dir, "digits-drift.html"), "utf8").catch(() => undefined);
  const body = (file: string) => ({file, base: "", text: "<notebook><title>x</title></notebook>"});
  for (const file of ["digits-drift.html", "../penguins.html", `${dir}/penguins.html`, "escape.html"])
    assert.equal((await save(body(file), editing.token)).status, 403, file);
  assert.equal((await save(body("penguins.html"), undefined)).status, 403, "no token");
  const alias = await served("alias.html");
  const linked = await save(body("alias.html"), alias.editing!.token);
  assert.deepEqual(linked, {status: 403, body: {status: "refused", reason: "alias.html: not a plain file"}});
  assert.equal(
    (await fetch(new URL("escape.html", server.url))).status,
    403,
    "no page, no token for a link out"
  );
  assert.equal(await readFile(join(dir, "digits-drift.html"), "utf8").catch(() => undefined), before);
  assert.equal(
    await readFile(join(outside, "secret.html"), "utf8"),
    "<notebook><title>outside</title></notebook>"
  );
});

test("the save endpoint refuses a request from another origin or for another host name", async () => {
  const {editing} = await served("penguins.html");
  assert.ok(editing);
  const body = {file: "penguins.html", base: editing.text, text: editing.text.replace("Palmer", "Evil")};
  const crossOrigin = await save(body, editing.token, {origin: "http://evil.example"});
  assert.deepEqual(crossOrigin.status, 403);
  assert.match(crossOrigin.body.reason!, /origin http:\/\/evil\.example is not this server's/);
  assert.equal((await save(body, editing.token, {})).status, 403, "no Origin");
  const crossSite = await save(body, editing.token, {origin, "sec-fetch-site": "cross-site"});
  assert.equal(crossSite.status, 403);
  // A rebound DNS name reaches 127.0.0.1 with its own Host (and an Origin to match).
  const port = new URL(server.url).port;
  const rebound = await new Promise<number>((resolve, reject) => {
    const request = httpRequest(
      {
        host: "127.0.0.1",
        port,
        path: SAVE_URL,
        method: "POST",
        headers: {
          host: `evil.example:${port}`,
          origin: `http://evil.example:${port}`,
          "content-type": "application/json",
          [SAVE_TOKEN_HEADER]: editing.token
        }
      },
      (response) => (response.resume(), resolve(response.statusCode ?? 0))
    );
    request.on("error", reject);
    request.end(JSON.stringify(body));
  });
  assert.equal(rebound, 403);
  assert.doesNotMatch(await readFile(join(dir, "penguins.html"), "utf8"), /Evil/);
});

test("two saves made on the same text at once: one is written, the other is a conflict; the file keeps its mode", async () => {
  const file = "digits-sql.html";
  await chmod(join(dir, file), 0o600);
  const {editing} = await served(file);
  assert.ok(editing);
  const texts = [1, 2].map((n) => `${editing.text.trimEnd()}\n<!-- save ${n} -->\n`);
  const answers = await Promise.all(
    texts.map((text) => save({file, base: editing.text, text}, editing.token))
  );
  assert.deepEqual(answers.map(({status}) => status).sort(), [200, 409]);
  const written = texts[answers.findIndex(({status}) => status === 200)];
  assert.equal(await readFile(join(dir, file), "utf8"), written);
  assert.equal((await stat(join(dir, file))).mode & 0o777, 0o600, "a private notebook stays private");
});

test("the save endpoint refuses to write over a file without write permission, even for root; the file is unchanged", async () => {
  const file = "ro.html";
  const text =
    '<notebook>\n  <title>Locked</title>\n  <script id="1" type="text/markdown">\n    # a\n  </script>\n</notebook>\n';
  await writeFile(join(dir, file), text);
  await chmod(join(dir, file), 0o444);
  const {editing} = await served(file);
  assert.ok(editing);
  const answer = await save({file, base: text, text: text.replace("# a", "# b")}, editing.token);
  assert.deepEqual(answer, {status: 403, body: {status: "refused", reason: "ro.html is read-only"}});
  assert.equal(await readFile(join(dir, file), "utf8"), text);
  assert.equal((await stat(join(dir, file))).mode & 0o777, 0o444);
  const kept = await save({file, base: "", text: text.replace("# a", "# c"), keep: "mine"}, editing.token);
  assert.equal(kept.status, 403, "nor after a conflict");
  assert.equal(await readFile(join(dir, file), "utf8"), text);
  assert.deepEqual(
    (await readdir(dir)).filter((name) => name.startsWith("ro.conflict-") || name.endsWith(".tmp")),
    [],
    "no copy and no temporary file is left"
  );
});

test("the save endpoint refuses a notebook marked readonly on disk after its page was served", async () => {
  const file = "lock.html";
  const open =
    '<notebook>\n  <title>Lock</title>\n  <script id="1" type="text/markdown">\n    # a\n  </script>\n</notebook>\n';
  await writeFile(join(dir, file), open);
  const {editing} = await served(file);
  assert.ok(editing);
  const locked = open.replace("<notebook>", "<notebook readonly>");
  await writeFile(join(dir, file), locked);
  const mine = open.replace("# a", "# b");
  for (const body of [
    {file, base: locked, text: mine},
    {file, base: open, text: mine},
    {file, base: locked, text: mine, keep: "mine"},
    {file, base: locked, text: mine, keep: "theirs"}
  ])
    assert.deepEqual(
      await save(body, editing.token),
      {status: 403, body: {status: "refused", reason: "lock.html is marked readonly", readonly: true}},
      JSON.stringify(body.keep ?? body.base === locked)
    );
  assert.equal(await readFile(join(dir, file), "utf8"), locked);
  assert.deepEqual(
    (await readdir(dir)).filter((name) => name.startsWith("lock.conflict-")),
    [],
    "no copy is written"
  );
});

test("a page of another origin gets no CORS grant: it cannot read a notebook page, its source or its save token", async () => {
  for (const foreign of ["http://localhost:9999", "http://127.0.0.1:9999", "http://evil.example"]) {
    const page = await fetch(new URL("penguins.html", server.url), {headers: {origin: foreign}});
    assert.equal(page.status, 200);
    assert.equal(page.headers.get("access-control-allow-origin"), null, `GET from ${foreign}`);
    const preflight = await fetch(new URL(SAVE_URL, server.url), {
      method: "OPTIONS",
      headers: {
        origin: foreign,
        "access-control-request-method": "POST",
        "access-control-request-headers": `content-type,${SAVE_TOKEN_HEADER}`
      }
    });
    assert.equal(preflight.headers.get("access-control-allow-origin"), null, `preflight from ${foreign}`);
    assert.equal(preflight.headers.get("access-control-allow-headers"), null, `preflight from ${foreign}`);
  }
});
