import assert from "node:assert/strict";
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {test} from "node:test";
import {findGaps} from "../../scripts/api-docs/gaps.ts";
import type {ApiEntry, TypeItem} from "../../scripts/api-docs/model.ts";
import {ROOT} from "../../scripts/api-docs/program.ts";
import {API_DOC, renderApi} from "../../scripts/api-docs/render.ts";

// One read of the sources (about 2 s) serves every test. The read itself throws on an export it cannot place
// (an `export function` in an index, or an export it cannot resolve), so no export goes undocumented silently.
const {gaps, markdown} = renderApi();

test("every export, parameter, option and returned property has a doc, and every optional option its default", () => {
  assert.equal(
    gaps.length,
    0,
    `${gaps.length} gaps in the API docs (npm run docs:api lists them):\n${gaps.join("\n")}`
  );
});

test("docs/api.md is what npm run docs:api renders from the sources now", () => {
  const file = path.join(ROOT, API_DOC);
  const written = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (written === markdown) return;
  const lines = written.split("\n");
  const line = markdown.split("\n").findIndex((text, i) => text !== lines[i]);
  assert.fail(`${API_DOC} is stale from line ${line + 1}: run npm run docs:api`);
});

test("findGaps() names an undocumented export, an option without a default and a bare parameter", () => {
  const options: TypeItem = {
    kind: "interface",
    name: "FooOptions",
    source: "src/foo.ts",
    doc: "Options of foo.",
    reachedFrom: null,
    text: null,
    typeParameters: "",
    options: true,
    members: [
      {name: "size", kind: "property", type: "number", optional: true, doc: "Pixels.", needsDefault: true},
      {name: "seed", kind: "property", type: "number", optional: true, doc: "Default: 0.", needsDefault: true}
    ]
  };
  const signature = {text: "foo(x: number)", doc: "", returns: "void", returnsDoc: "", returnMembers: []};
  const parameters = [{name: "x", type: "number", optional: false, doc: "", needsDefault: false}];
  const entry: ApiEntry = {
    file: "src/index.ts",
    title: "px",
    intro: "",
    groups: [
      {
        name: "foo",
        description: "",
        items: [
          {
            kind: "function",
            name: "foo",
            source: "src/foo.ts",
            doc: "",
            reachedFrom: null,
            signatures: [{...signature, parameters}]
          },
          options
        ]
      }
    ]
  };
  assert.deepEqual(findGaps([entry]), [
    "foo: no doc (src/foo.ts)",
    "foo(x): no @param doc (src/foo.ts)",
    'FooOptions.size: optional, but no "Default: …" (src/foo.ts)'
  ]);
});
