import assert from "node:assert/strict";
import {test} from "node:test";
import {parseNotebook} from "../../../src/runtime/notebook/parse.ts";
import {indexPage} from "../../../src/runtime/vite/index-page.ts";
import {DESCRIPTION_LENGTH, pageMeta} from "../../../src/runtime/vite/page-meta.ts";
import {notebookShell} from "../../../src/runtime/vite/shell.ts";

const notebook = (body: string) => parseNotebook(`<notebook>${body}</notebook>`, "a.html");
const md = (source: string) => `<script type="text/markdown">${source}</script>`;

test("pageMeta() takes the <title>, and the first Markdown paragraph as plain text", () => {
  const meta = pageMeta(
    notebook(`<title>Drift</title>${md("# Heading\n\nSee **what** [changed](x.html) in `rows`.\n\nMore.")}`)
  );
  assert.deepEqual(meta, {title: "Drift", description: "See what changed in rows."});
});

test("pageMeta() falls back to the first heading for a notebook without <title>", () => {
  assert.equal(pageMeta(notebook(md("## Sales by week\n\nText."))).title, "Sales by week");
  assert.equal(
    pageMeta(notebook(`<script type="application/vnd.observable.javascript">1</script>`)).title,
    "Untitled"
  );
});

test("pageMeta() shows an interpolation, whose value the page computes, as an ellipsis", () => {
  assert.equal(pageMeta(notebook(md("We have ${rows.length} rows."))).description, "We have … rows.");
});

test("pageMeta() reads nested interpolations, links with parentheses, comparisons and entities as a reader sees them", () => {
  const source =
    'Weights ${[1, 2].map((d) => `${d}g`).join(", ")} per [wiki](https://en.wikipedia.org/wiki/Foo_(bar)) ' +
    "where a < b and c > d, R&amp;D, <em>done</em>.";
  // Before: 'Weights …g).join(", ")} per wiki) where a d, R&amp;D, done.' (and the page escaped it again).
  assert.equal(
    pageMeta(notebook(md(source))).description,
    "Weights … per wiki where a < b and c > d, R&D, done."
  );
});

test("pageMeta() cuts a long paragraph at a word, to at most DESCRIPTION_LENGTH characters", () => {
  const description = pageMeta(notebook(md("word ".repeat(100)))).description;
  assert.ok(description.length <= DESCRIPTION_LENGTH, String(description.length));
  assert.match(description, /^(word )+word…$/);
});

test("a hostile title and paragraph reach the page's <head> and the index as text, never as markup", () => {
  const hostile = notebook(
    `<title>&lt;img src=x onerror=alert(1)&gt;</title>${md('Click <b>"me"</b> & <iframe src="javascript:alert(2)"></iframe> go')}`
  );
  const html = notebookShell({file: "a.html", notebook: hostile}, {favicon: "favicon.svg"});
  const head = html.slice(0, html.indexOf("</head>"));
  assert.ok(head.includes("<title>&lt;img src=x onerror=alert(1)&gt;</title>"), head);
  assert.ok(head.includes(`<meta property="og:title" content="&lt;img src=x onerror=alert(1)&gt;">`), head);
  // Markup in the paragraph is dropped from the description; what is left is escaped.
  assert.ok(head.includes(`<meta name="description" content="Click &quot;me&quot; &amp; go">`), head);
  assert.doesNotMatch(head, /<img|<iframe|<script/);
  const index = indexPage([{href: "a.html", ...pageMeta(hostile)}]);
  assert.ok(index.includes(">&lt;img src=x onerror=alert(1)&gt;</a>"), index);
  assert.doesNotMatch(index, /<img|<iframe|<script/);
});

test("indexPage() links a file named like a URL scheme, or holding # and ?, as that file", () => {
  // `javascript:….html` was a live javascript: link in the dev server's index.
  const index = indexPage([
    {href: "javascript:alert(1).html", title: "a"},
    {href: "sub/a#b?c.html", title: "b"}
  ]);
  assert.ok(index.includes('<a href="./javascript%3Aalert(1).html">a</a>'), index);
  assert.ok(index.includes('<a href="./sub/a%23b%3Fc.html">b</a>'), index);
});
