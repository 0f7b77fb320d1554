import assert from "node:assert/strict";
import {mkdir, mkdtemp, realpath, rm, stat, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {parseNotebook} from "../../../src/runtime/notebook/parse.ts";
import {findAttachments} from "../../../src/runtime/vite/attachments.ts";
import {BuildError, buildSite} from "../../../src/runtime/vite/build-site.ts";

let temp: string;
let root: string;

// A notebook folder whose links lead in and out of it.
before(async () => {
  temp = await realpath(await mkdtemp(join(tmpdir(), "phoenix-attachments-")));
  root = join(temp, "notebooks");
  await mkdir(join(temp, "elsewhere"));
  await writeFile(join(temp, "elsewhere", "passwd"), "root:x:0:0");
  await mkdir(join(root, "data"), {recursive: true});
  await writeFile(join(root, "data", "rows.csv"), "a\n1\n");
  await writeFile(join(root, ".env"), "KEY=secret");
  await symlink(join(root, "data", "rows.csv"), join(root, "data", "alias.csv"));
  await symlink(join(temp, "elsewhere", "passwd"), join(root, "data", "passwd.csv"));
  await symlink(join(temp, "elsewhere"), join(root, "linked"));
});

after(async () => {
  await rm(temp, {recursive: true, force: true});
});

async function problemsOf(name: string): Promise<string[]> {
  await writeNotebook(name);
  const found = await findAttachments(root, {path: join(root, "t.html"), file: "t.html"}, notebookOf(name));
  return found.problems.map((problem) => problem.message);
}

test("findAttachments() takes a symbolic link whose target lies inside the notebook directory", async () => {
  assert.deepEqual(await problemsOf("data/alias.csv"), []);
});

test("findAttachments() refuses a symbolic link to a file outside the notebook directory, naming both", async () => {
  assert.deepEqual(await problemsOf("data/passwd.csv"), [
    `t.html:4: FileAttachment("data/passwd.csv") is a link to ${join(temp, "elsewhere", "passwd")}, outside the notebook directory`
  ]);
  assert.deepEqual(await problemsOf("linked/passwd"), [
    `t.html:4: FileAttachment("linked/passwd") is a link to ${join(temp, "elsewhere", "passwd")}, outside the notebook directory`
  ]);
});

test("findAttachments() refuses a dotfile, which the dev server does not serve either", async () => {
  assert.deepEqual(await problemsOf(".env"), [
    't.html:4: FileAttachment(".env") is a dotfile; dotfiles are never published'
  ]);
});

test("buildSite() copies nothing when an attachment links outside the notebook directory", async () => {
  await writeNotebook("data/passwd.csv");
  const out = join(temp, "site");
  await assert.rejects(buildSite({input: join(root, "t.html"), outDir: out}), BuildError);
  assert.equal(await stat(out).catch(() => undefined), undefined);
});

function html(name: string): string {
  return `<!doctype html>\n<notebook>\n  <script type="application/vnd.observable.javascript">\n    FileAttachment(${JSON.stringify(name)}).text()\n  </script>\n</notebook>\n`;
}

function notebookOf(name: string) {
  return parseNotebook(html(name), "t.html");
}

async function writeNotebook(name: string): Promise<void> {
  await writeFile(join(root, "t.html"), html(name));
}

test("findAttachments(): a SQL cell's quoted name that is no file (a glob, a string) is no attachment; one that is, is", async () => {
  const html = `<!doctype html>\n<notebook>\n<title>t</title>\n<script type="application/sql" output="n">
SELECT count(*) FROM read_csv('data/*.csv') WHERE 'name.csv' <> '' AND a IN (SELECT a FROM "data/rows.csv")
</script>\n</notebook>\n`;
  const found = await findAttachments(
    root,
    {path: join(root, "sql.html"), file: "sql.html"},
    parseNotebook(html, "sql.html")
  );
  assert.deepEqual(found.problems, []);
  assert.deepEqual(
    found.attachments.map(({target}) => target),
    ["data/rows.csv"]
  );
  // The links out of the folder are still refused when a SQL cell names them.
  const outside = html.replace('"data/rows.csv"', '"data/passwd.csv"');
  const refused = await findAttachments(
    root,
    {path: join(root, "sql.html"), file: "sql.html"},
    parseNotebook(outside, "sql.html")
  );
  assert.match(
    refused.problems[0]!.message,
    /"data\/passwd\.csv"\) is a link to .*outside the notebook directory/
  );
});
