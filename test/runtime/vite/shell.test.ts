import assert from "node:assert/strict";
import {test} from "node:test";
import {parseNotebook} from "../../../src/runtime/notebook/parse.ts";
import {notebookShell} from "../../../src/runtime/vite/shell.ts";

const data = {file: "a.html", notebook: parseNotebook("<notebook><title>A</title></notebook>", "a.html")};

test("notebookShell() with a policy puts it in a <meta> ahead of every script", () => {
  const html = notebookShell(data, {policy: "default-src 'self'; base-uri 'none'"});
  const meta = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; base-uri 'none'">`;
  assert.ok(html.includes(meta), html);
  assert.ok(html.indexOf(meta) < html.indexOf("<script"), "a <meta> policy covers only what comes after it");
});

test("notebookShell() without a policy has none (the dev server's page)", () => {
  assert.doesNotMatch(notebookShell(data), /Content-Security-Policy/);
});
