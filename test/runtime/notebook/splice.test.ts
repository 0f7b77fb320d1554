import assert from "node:assert/strict";
import {readdir, readFile} from "node:fs/promises";
import {test} from "node:test";
import {parseNotebook} from "../../../src/runtime/notebook/parse.ts";
import {spliceNotebook} from "../../../src/runtime/notebook/splice.ts";
import {CellId, type Cell} from "../../../src/runtime/notebook/types.ts";

// Odd spacing and a comment between cells: what a hand-edited file looks like, and what must survive.
const html = `<!doctype html>
<notebook>
  <title>Splice</title>
  <script id="1" type="text/markdown">
      # Title   </script>
  <!-- the data -->
  <script id="2" type="application/vnd.observable.javascript">
    a = 1
  </script>

  <script id="3" type="application/vnd.observable.javascript">b = a + 1</script>
</notebook>
<!-- after -->
`;

const cells = () => parseNotebook(html).cells;
const fresh = (id: number, source: string): Cell => ({
  id: CellId.create(id),
  mode: "ojs",
  source,
  pinned: false,
  line: 1
});

for (const name of await readdir(new URL("../../../notebooks/", import.meta.url))) {
  if (!name.endsWith(".html")) continue;
  test(`spliceNotebook() of ${name}'s own cells gives back its text byte for byte`, async () => {
    const text = await readFile(new URL(`../../../notebooks/${name}`, import.meta.url), "utf8");
    assert.equal(spliceNotebook(text, parseNotebook(text).cells), text);
  });
}

test("spliceNotebook() rewrites only the changed cell; the rest of the file is kept byte for byte", () => {
  const edited = cells().map((cell) => (cell.id === 2 ? {...cell, source: "a = 2"} : cell));
  const text = spliceNotebook(html, edited);
  assert.equal(
    text,
    html.replace(
      `<script id="2" type="application/vnd.observable.javascript">\n    a = 1\n  </script>`,
      `<script id="2" type="application/vnd.observable.javascript">\n    a = 2\n  </script>`
    )
  );
});

test("spliceNotebook() inserts a new cell with its id on a line of its own; its neighbours keep the text above them", () => {
  const [one, two, three] = cells();
  const text = spliceNotebook(html, [one!, two!, fresh(4, "c = b * 2"), three!]);
  assert.equal(
    text,
    html.replace(
      `\n\n  <script id="3"`,
      `\n  <script id="4" type="application/vnd.observable.javascript">\n    c = b * 2\n  </script>\n\n  <script id="3"`
    )
  );
  assert.deepEqual(
    parseNotebook(text).cells.map((cell) => cell.id),
    [1, 2, 4, 3]
  );
});

test("spliceNotebook() deletes and moves cells, keeping each kept cell's element as written", () => {
  const [one, two, three] = cells();
  const moved = spliceNotebook(html, [one!, three!, two!]);
  assert.ok(moved.includes(`<script id="3" type="application/vnd.observable.javascript">b = a + 1</script>`));
  assert.deepEqual(
    parseNotebook(moved).cells.map((cell) => cell.source),
    ["# Title   ", "b = a + 1", "a = 1"]
  );
  const deleted = spliceNotebook(html, [one!, three!]);
  assert.equal(parseNotebook(deleted).cells.length, 2);
  assert.ok(deleted.endsWith("</script>\n</notebook>\n<!-- after -->\n"));
  assert.ok(!deleted.includes("a = 1"));
});

test("spliceNotebook() writes a mode change as a change of the type attribute alone", () => {
  const edited = cells().map((cell) => (cell.id === 1 ? {...cell, mode: "html" as const} : cell));
  assert.equal(
    spliceNotebook(html, edited),
    html.replace(`<script id="1" type="text/markdown">`, `<script id="1" type="text/html">`)
  );
});

test("spliceNotebook() adds a first cell to an empty notebook before </notebook>", () => {
  const empty = "<!doctype html>\n<notebook>\n  <title>Empty</title>\n</notebook>\n";
  assert.equal(
    spliceNotebook(empty, [fresh(1, "x = 1")]),
    `<!doctype html>\n<notebook>\n  <title>Empty</title>\n  <script id="1" type="application/vnd.observable.javascript">\n    x = 1\n  </script>\n</notebook>\n`
  );
});

test("spliceNotebook() of a cell added between two cells, then deleted, gives back the file", () => {
  const [one, two, three] = cells();
  const added = spliceNotebook(html, [one!, two!, fresh(4, "c = 3"), three!]);
  assert.match(
    added,
    /a = 1\n {2}<\/script>\n {2}<script id="4"[^]*c = 3\n {2}<\/script>\n\n {2}<script id="3"/
  );
  assert.equal(spliceNotebook(added, [one!, two!, three!]), html);
});

test("spliceNotebook() keeps the comment above a deleted cell, and the blank line above the next one", () => {
  const [one, , three] = cells();
  assert.equal(spliceNotebook(html, [one!, three!]), html.replace(/\n {2}<script id="2"[^]*?<\/script>/, ""));
});

// A comment that heads a section, and one that notes the cell below it: both belong to the cell that follows.
const sections = `<notebook>
  <script id="1" type="module">a = 1</script>
  <!-- Section 2: results (see ticket #42) -->
  <script id="2" type="module">b = 2</script>
  <!-- c: the total -->
  <script id="3" type="module">c = 3</script>
</notebook>
`;

test("spliceNotebook() moves a cell with the comment above it; moving it back gives back the file", () => {
  const [one, two, three] = parseNotebook(sections).cells;
  const moved = spliceNotebook(sections, [one!, three!, two!]);
  assert.equal(
    moved,
    `<notebook>
  <script id="1" type="module">a = 1</script>
  <!-- c: the total -->
  <script id="3" type="module">c = 3</script>
  <!-- Section 2: results (see ticket #42) -->
  <script id="2" type="module">b = 2</script>
</notebook>
`
  );
  const [a, c, b] = parseNotebook(moved).cells;
  assert.equal(spliceNotebook(moved, [a!, b!, c!]), sections);
});

test("spliceNotebook() deletes a cell and keeps the comment above the next one and its own", () => {
  const [one, two, three] = parseNotebook(sections).cells;
  assert.equal(
    spliceNotebook(sections, [one!, three!]),
    `<notebook>
  <script id="1" type="module">a = 1</script>
  <!-- Section 2: results (see ticket #42) -->
  <!-- c: the total -->
  <script id="3" type="module">c = 3</script>
</notebook>
`
  );
  assert.equal(
    spliceNotebook(sections, [one!, two!]),
    `<notebook>
  <script id="1" type="module">a = 1</script>
  <!-- Section 2: results (see ticket #42) -->
  <script id="2" type="module">b = 2</script>
  <!-- c: the total -->
</notebook>
`
  );
  assert.equal(
    spliceNotebook(sections, []),
    `<notebook>
  <!-- Section 2: results (see ticket #42) -->
  <!-- c: the total -->
</notebook>
`
  );
});

test("spliceNotebook() moves the first cell with the comment above it, the title staying first", () => {
  const headed = `<notebook>\n  <title>T</title>\n  <!-- intro -->\n  <script id="1" type="module">a = 1</script>\n  <script id="2" type="module">b = 2</script>\n</notebook>\n`;
  const [one, two] = parseNotebook(headed).cells;
  assert.equal(
    spliceNotebook(headed, [two!, one!]),
    `<notebook>\n  <title>T</title>\n  <script id="2" type="module">b = 2</script>\n  <!-- intro -->\n  <script id="1" type="module">a = 1</script>\n</notebook>\n`
  );
});

const crlf = `<notebook>\r\n  <script id="1" type="module">\r\n    a = 1\r\n  </script>\r\n  <script id="2" type="module">b = 2</script>\r\n</notebook>\r\n`;

test("spliceNotebook() of a file with CRLF line ends writes CRLF in an edited cell and a new one", () => {
  const [one, two] = parseNotebook(crlf).cells;
  assert.equal(
    spliceNotebook(crlf, [
      {...one!, source: "a = 3\n\na2 = 4"},
      fresh(9, "z = 1"),
      {...two!, source: "b = 3\nb2 = 4"}
    ]),
    `<notebook>\r\n  <script id="1" type="module">\r\n    a = 3\r\n\r\n    a2 = 4\r\n  </script>\r\n` +
      `  <script id="9" type="application/vnd.observable.javascript">\r\n    z = 1\r\n  </script>\r\n` +
      `  <script id="2" type="module">\r\n    b = 3\r\n    b2 = 4\r\n  </script>\r\n</notebook>\r\n`
  );
});

test("spliceNotebook() writes a first cell into an empty notebook with the file's CRLF line ends", () => {
  assert.equal(
    spliceNotebook(`<notebook>\r\n  <title>E</title>\r\n</notebook>\r\n`, [fresh(1, "x = 1")]),
    `<notebook>\r\n  <title>E</title>\r\n  <script id="1" type="application/vnd.observable.javascript">\r\n    x = 1\r\n  </script>\r\n</notebook>\r\n`
  );
});

test("spliceNotebook() follows the line end most of the file uses: one CRLF line in a LF file writes LF", () => {
  const mixed = `<notebook>\r\n  <script id="1" type="module">\n    a = 1\n  </script>\n</notebook>\n`;
  assert.equal(
    spliceNotebook(mixed, [...parseNotebook(mixed).cells, fresh(2, "b = 2")]),
    mixed.replace(
      "</script>\n",
      `</script>\n  <script id="2" type="application/vnd.observable.javascript">\n    b = 2\n  </script>\n`
    )
  );
});
