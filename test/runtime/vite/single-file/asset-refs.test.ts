import assert from "node:assert/strict";
import {test} from "node:test";
import {rewriteScript, rewriteStyle} from "../../../../src/runtime/vite/single-file/asset-refs.ts";

const names = new Set(["a-1x.js", "b-2y.js", "k-3z.wasm", "w-4q.js", "f-5r.woff2"]);

test("rewriteScript() turns a static import into a placeholder the page swaps before making the blob", () => {
  const {text, refs} = rewriteScript(
    `import{t as e}from"./a-1x.js";import"./b-2y.js";export*from"./a-1x.js";`,
    names
  );
  assert.equal(
    text,
    `import{t as e}from"phx-single:a-1x.js";import"phx-single:b-2y.js";export*from"phx-single:a-1x.js";`
  );
  assert.deepEqual(refs, ["a-1x.js", "b-2y.js"]);
});

test("rewriteScript() turns import() and new URL(name, import.meta.url) into lookups, the latter as URL references", () => {
  const source =
    "const m=()=>import(`./a-1x.js`),u=new URL(`k-3z.wasm`,import.meta.url),w=new Worker(new URL('w-4q.js',import.meta.url));";
  const {text, refs, urlRefs} = rewriteScript(source, names);
  assert.equal(
    text,
    'const m=()=>import(globalThis.__phxSingle("a-1x.js")),u=new URL(globalThis.__phxSingle("k-3z.wasm"),import.meta.url),' +
      'w=new Worker(new URL(globalThis.__phxSingle("w-4q.js"),import.meta.url));'
  );
  assert.deepEqual(refs, ["a-1x.js", "k-3z.wasm", "w-4q.js"]);
  assert.deepEqual(urlRefs, ["k-3z.wasm", "w-4q.js"]);
});

test("rewriteScript() leaves names that are not whole literals, and unknown names, alone", () => {
  const source = `const a="see a-1x.js",b="./c-9.js",c="xa-1x.js",d=\`a-1x.js\${1}\`;`;
  assert.deepEqual(rewriteScript(source, names), {text: source, refs: [], urlRefs: []});
});

test("rewriteStyle() turns url() of a known file into a placeholder, quoted or not", () => {
  const {text, refs} = rewriteStyle(
    `@font-face{src:url(./f-5r.woff2) format("woff2"),url("f-5r.woff2")}a{b:url(x.png)}`,
    names
  );
  assert.equal(
    text,
    `@font-face{src:url(phx-single:f-5r.woff2) format("woff2"),url(phx-single:f-5r.woff2)}a{b:url(x.png)}`
  );
  assert.deepEqual(refs, ["f-5r.woff2"]);
});
