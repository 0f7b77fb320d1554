import assert from "node:assert/strict";
import {test} from "node:test";
import {parseNotebook} from "../../../../src/runtime/notebook/parse.ts";
import {pageUse} from "../../../../src/runtime/vite/single-file/page-use.ts";

const notebook = (cells: string) => parseNotebook(`<notebook>${cells}</notebook>`, "x.html");

test("pageUse() lists the names the cells read, the methods they call and the extensions they attach", () => {
  const use = pageUse(
    notebook(`
      <script id="1" type="application/vnd.observable.javascript">
        rows = FileAttachment("data/a.parquet").parquet()
      </script>
      <script id="2" type="application/vnd.observable.javascript">
        Plot.dot(rows, {x: "a"}).plot()
      </script>`),
    true
  );
  assert.deepEqual([...use.names].sort(), ["FileAttachment", "Plot", "rows"]);
  assert.deepEqual([...use.methods].sort(), ["dot", "parquet", "plot"]);
  assert.equal(use.baked, true);
});

test("pageUse() reads a Markdown cell as a use of md, and a data loader's format as a method", () => {
  const use = pageUse(
    notebook(`
      <script id="1" type="text/markdown"># Title</script>
      <script id="2" type="text/x-python" format="csv" output="rows">print("a\\n1")</script>`),
    false
  );
  assert.ok(use.names.has("md"));
  assert.ok(use.names.has("data loader"));
  assert.ok(use.methods.has("csv"));
});

test("pageUse() marks a library used other than by member as used whole", () => {
  const members = pageUse(
    notebook(`<script id="1" type="application/vnd.observable.javascript">d3.mean([1])</script>`),
    false
  );
  const passed = pageUse(
    notebook(`<script id="1" type="application/vnd.observable.javascript">f(d3)</script>`),
    false
  );
  assert.deepEqual([...members.whole], []);
  assert.deepEqual([...passed.whole], ["d3"]);
});
