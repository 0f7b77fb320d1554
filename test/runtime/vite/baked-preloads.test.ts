import assert from "node:assert/strict";
import {test} from "node:test";
import type {BakeManifest} from "../../../src/runtime/bake/types.ts";
import {planNotebook} from "../../../src/runtime/compile/ahead.ts";
import {parseNotebook} from "../../../src/runtime/notebook/parse.ts";
import {bakedPreloads} from "../../../src/runtime/vite/baked-preloads.ts";

// Cell 4 (baked) reads b, which reads a: a's and b's files are what its baked value waits on; c's is not.
const notebook = parseNotebook(
  `<notebook>
  <script id="1" type="application/vnd.observable.javascript">a = FileAttachment("data/a.json").json()</script>
  <script id="2" type="application/vnd.observable.javascript">b = FileAttachment("data/b.csv").csv().then((rows) => [a, rows])</script>
  <script id="3" type="application/vnd.observable.javascript">c = FileAttachment("big.zip").url()</script>
  <script id="4" type="application/vnd.observable.javascript">d = b.length</script>
</notebook>`,
  "t.html"
);
const baked = (cell: number): BakeManifest => ({
  cells: [{cell, key: "k", parts: [{output: null, codec: "json", file: `t.bake/${cell}.arrow`}]}]
});

test("bakedPreloads() lists the files upstream of the baked cells in notebook order, then the baked files", () => {
  assert.deepEqual(bakedPreloads(planNotebook(notebook), baked(4)), [
    "data/a.json",
    "data/b.csv",
    "t.bake/4.arrow"
  ]);
});

test("bakedPreloads() leaves out the files of cells the baked ones do not read", () => {
  assert.deepEqual(bakedPreloads(planNotebook(notebook), baked(1)), ["data/a.json", "t.bake/1.arrow"]);
});
