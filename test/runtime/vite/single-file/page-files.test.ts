import assert from "node:assert/strict";
import {test} from "node:test";
import type {BundleGraph, GraphChunk} from "../../../../src/runtime/vite/single-file/bundle-graph.ts";
import {calls, reads} from "../../../../src/runtime/vite/single-file/lazy-module.ts";
import {pageFiles} from "../../../../src/runtime/vite/single-file/page-files.ts";
import type {PageUse} from "../../../../src/runtime/vite/single-file/page-use.ts";

const chunk = (modules: string[], edges: Partial<GraphChunk> = {}): GraphChunk => ({
  modules,
  imports: [],
  dynamicImports: [],
  files: [],
  ...edges
});

// A page entry whose runtime (imported statically) holds the loaders of Plot and px, and whose px worker it
// names; the px chunk imports Arrow and loads the Parquet reader itself.
const graph: BundleGraph = {
  chunks: new Map([
    ["page.js", chunk(["/n/page.html"], {imports: ["runtime.js"], files: ["page.css"]})],
    [
      "runtime.js",
      chunk(["/src/runtime/client/entry.ts"], {
        dynamicImports: ["plot.js", "px.js", "misc.js"],
        files: ["worker.js"]
      })
    ],
    [
      "plot.js",
      chunk(["/node_modules/@observablehq/plot/src/index.js"], {
        facade: "/node_modules/@observablehq/plot/src/index.js"
      })
    ],
    [
      "px.js",
      chunk(["/src/px.ts"], {facade: "/src/px.ts", imports: ["arrow.js"], dynamicImports: ["parquet.js"]})
    ],
    ["arrow.js", chunk(["/node_modules/apache-arrow/Arrow.dom.mjs"])],
    ["parquet.js", chunk(["/src/parquet.ts"], {facade: "/src/parquet.ts", files: ["parquet.wasm"]})],
    ["misc.js", chunk(["/src/misc.ts"], {facade: "/src/misc.ts"})]
  ]),
  workers: new Map([["worker.js", "/src/worker.ts"]]),
  sources: new Map([
    ["vocab-h.bin", "vocab.bin"],
    ["parquet.wasm", "parquet.wasm"]
  ])
};

const lazy = [
  {module: /@observablehq\/plot\//, when: reads("Plot")},
  {module: /\/src\/px\.ts$/, when: reads("px")},
  {module: /\/src\/worker\.ts$/, when: reads("px")},
  // px loads Parquet itself: a claim on its import() from a lazily loaded chunk is not looked at.
  {module: /\/src\/parquet\.ts$/, when: reads("nobody")},
  // A file only some of px reads: claimed wherever it is named (px, the worker's text).
  {file: /^vocab\.bin$/, when: calls("embed")}
];
const use = (...names: string[]): PageUse => ({
  names: new Set(names),
  methods: new Set(names.filter((name) => name === "embed")),
  baked: false,
  whole: new Set()
});
const textRefs = (name: string) => (name === "worker.js" ? ["worker.wasm", "vocab-h.bin"] : []);
const filesOf = (page: PageUse) =>
  [...pageFiles({entry: "page.js", styles: ["page.css"]}, {graph, lazy, use: page, textRefs})].sort();

test("pageFiles() leaves out each import() and worker of the entry that a lazy module claims and the page does not use", () => {
  assert.deepEqual(filesOf(use("md")), ["misc.js", "page.css", "page.js", "runtime.js"]);
});

test("pageFiles() follows a used lazy module whole: its imports, import()s and files, and a worker's text", () => {
  assert.deepEqual(filesOf(use("px")), [
    "arrow.js",
    "misc.js",
    "page.css",
    "page.js",
    "parquet.js",
    "parquet.wasm",
    "px.js",
    "runtime.js",
    "worker.js",
    "worker.wasm"
  ]);
  assert.deepEqual(filesOf(use("Plot")), ["misc.js", "page.css", "page.js", "plot.js", "runtime.js"]);
});

test("pageFiles() carries a file claimed by name only for a page of that use, from a lazy chunk or a worker", () => {
  assert.ok(!filesOf(use("px")).includes("vocab-h.bin"));
  assert.ok(filesOf(use("px", "embed")).includes("vocab-h.bin"));
});
