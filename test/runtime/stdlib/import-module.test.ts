import assert from "node:assert/strict";
import {test} from "node:test";
import {pageImporter} from "../../../src/runtime/stdlib/import-module.ts";

test("pageImporter refuses a computed import() of a node: built-in by name, as the build refuses a literal one", async () => {
  await assert.rejects(pageImporter("node:zlib"), {
    message:
      'cannot import "node:zlib": it is a Node built-in, and notebooks run in the browser too, where it does not exist (read files with FileAttachment)'
  });
});
