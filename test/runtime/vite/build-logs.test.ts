import assert from "node:assert/strict";
import {join} from "node:path";
import {test} from "node:test";
import type {LogLevel, RolldownLog} from "rolldown";
import {quietBuildLogs} from "../../../src/runtime/vite/build-logs.ts";
import {packageRoot} from "../../../src/runtime/vite/paths.ts";

const externalized = (importer: string): RolldownLog => ({
  message: `Module "node:zlib" has been externalized for browser compatibility, imported by "${importer}". See https://vite.dev/guide/troubleshooting.html`,
  plugin: "rolldown:vite-resolve"
});

function passed(log: RolldownLog): boolean {
  let handled = false;
  quietBuildLogs("warn" as LogLevel, log, () => (handled = true));
  return handled;
}

test("quietBuildLogs() drops the notices about this package's own Node-only modules, and passes every other log", () => {
  // Eight of these printed on every build, about code behind a Node check that never runs in a page.
  assert.equal(passed(externalized(join(packageRoot, "src/cells/dataset/formats/parquet/codecs.ts"))), false);
  // A notebook's own module importing node:zlib is the author's to hear of.
  assert.equal(passed(externalized("/home/someone/notebooks/helper.js")), true);
  assert.equal(
    passed({
      message: "[PLUGIN_TIMINGS] Your build spent significant time in plugins",
      code: "PLUGIN_TIMINGS"
    }),
    false
  );
  assert.equal(passed({message: "Use of eval is strongly discouraged", code: "EVAL"}), true);
});
