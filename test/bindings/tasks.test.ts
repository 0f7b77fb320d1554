import assert from "node:assert/strict";
import {test} from "node:test";
import nodePlugin from "../../src/bindings/node.ts";
import {runTask} from "../../src/runtime/worker/run-task.ts";
import {pluginBuiltins} from "../../src/runtime/plugin.ts";

test("with the Phoenix plugin installed, workers know px's tasks by name", async () => {
  pluginBuiltins([nodePlugin], {notebookPath: "/tmp/notebook.html"});
  await assert.rejects(runTask("nope", null), {
    message: 'unknown task: "nope" (expected project.graph, project.layout, cluster, embed)'
  });
});
