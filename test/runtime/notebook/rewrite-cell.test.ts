import assert from "node:assert/strict";
import {test} from "node:test";
import {parseNotebook} from "../../../src/runtime/notebook/parse.ts";
import {spliceNotebook} from "../../../src/runtime/notebook/splice.ts";
import type {Cell} from "../../../src/runtime/notebook/types.ts";

/** `html` saved after `edit` changed its cell `index`. */
function edited(html: string, index: number, edit: (cell: Cell) => Cell): string {
  return spliceNotebook(
    html,
    parseNotebook(html).cells.map((cell, i) => (i === index ? edit(cell) : cell))
  );
}

const wide = `<!doctype html>
<notebook>
  <title>t</title>
  <script id="intro" type="module" class="wide" data-owner="ana">
    x = 1
  </script>
</notebook>
`;

test("a source edit keeps the opening tag byte for byte: a non-numeric id and attributes the notebook does not read", () => {
  assert.equal(
    edited(wide, 0, (cell) => ({...cell, source: "x = 2\ny = x"})),
    `<!doctype html>
<notebook>
  <title>t</title>
  <script id="intro" type="module" class="wide" data-owner="ana">
    x = 2
    y = x
  </script>
</notebook>
`
  );
});

test("a source edit keeps the author's quotes, spacing and order, and writes an inline cell inline", () => {
  const html = `<notebook>\n  <script type='module'  id=7 pinned >a = 1</script>\n</notebook>\n`;
  assert.equal(
    edited(html, 0, (cell) => ({...cell, source: "a = 2"})),
    `<notebook>\n  <script type='module'  id=7 pinned >a = 2</script>\n</notebook>\n`
  );
  assert.equal(
    edited(html, 0, (cell) => ({...cell, source: "a = 2\nb = a"})),
    `<notebook>\n  <script type='module'  id=7 pinned >\n    a = 2\n    b = a\n  </script>\n</notebook>\n`
  );
});

test("a source edit keeps the cell's own indentation and the blank lines around its source", () => {
  const html = `<notebook>\n  <script id="1" type="text/markdown">\n\n        # Title\n\n  </script>\n</notebook>\n`;
  assert.equal(
    edited(html, 0, (cell) => ({...cell, source: "# New\n\nText"})),
    `<notebook>\n  <script id="1" type="text/markdown">\n\n        # New\n\n        Text\n\n  </script>\n</notebook>\n`
  );
});

test("a mode change rewrites the type attribute alone; a script without one gets one at the end", () => {
  assert.equal(
    edited(wide, 0, (cell) => ({...cell, mode: "md"})),
    wide.replace(`type="module"`, `type="text/markdown"`)
  );
  const untyped = `<notebook>\n  <script id="1" class='x'>1 + 1</script>\n</notebook>\n`;
  assert.equal(
    edited(untyped, 0, (cell) => ({...cell, mode: "tex"})),
    `<notebook>\n  <script id="1" class='x' type="application/x-tex">1 + 1</script>\n</notebook>\n`
  );
});

test("turning an attribute on or off adds or removes it alone, keeping the others in place", () => {
  assert.equal(
    edited(wide, 0, (cell) => ({...cell, pinned: true, output: `a "b"`})),
    wide.replace(`data-owner="ana">`, `data-owner="ana" pinned output="a &quot;b&quot;">`)
  );
  const flags = `<notebook>\n  <script id="1" hidden  type="module" pinned output='t'>x</script>\n</notebook>\n`;
  assert.equal(
    edited(flags, 0, (cell) => ({...cell, pinned: false, hidden: false, output: "u"})),
    `<notebook>\n  <script id="1"  type="module" output='u'>x</script>\n</notebook>\n`
  );
});
