// The layers' import directions are the linter's to enforce (eslint.config.js): each forbidden import below
// must be an error, and each allowed one must not.
import assert from "node:assert/strict";
import {test} from "node:test";
import {ESLint} from "eslint";

const eslint = new ESLint({cwd: new URL("../../", import.meta.url).pathname});

async function importErrors(filePath: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import * as x from "${specifier}";\nexport {x};\n`, {filePath});
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const forbidden: [file: string, specifier: string][] = [
  ["src/cells/drift/x.ts", "../../runtime/stdlib/md.ts"],
  ["src/cells/drift/x.ts", "../../components/index.ts"],
  ["src/cells/drift/x.ts", "../../bindings/px.ts"],
  ["src/runtime/stdlib/x.ts", "../../cells/drift/feature-drift.ts"],
  ["src/runtime/stdlib/x.ts", "../../index.ts"],
  ["src/runtime/x.ts", "../index.ts"],
  ["src/runtime/stdlib/generators/x.ts", "../../../node.ts"],
  ["src/runtime/stdlib/x.ts", "../../components/index.ts"],
  ["src/runtime/stdlib/x.ts", "../../bindings/index.ts"],
  ["src/runtime/stdlib/x.ts", "../../cli/main.ts"],
  ["src/components/point-cloud/x.ts", "../../runtime/stdlib/md.ts"],
  ["src/components/point-cloud/x.ts", "../../cells/drift/feature-drift.ts"],
  ["src/components/point-cloud/x.ts", "../../bindings/phx.ts"],
  ["src/bindings/x.ts", "../cells/embed/embed.ts"],
  ["src/bindings/x.ts", "../components/point-cloud/check.ts"],
  ["src/bindings/x.ts", "../cli/run.ts"],
  ["src/arrow/x.ts", "../cells/index.ts"],
  ["src/index.ts", "./runtime/index.ts"]
];

const allowed: [file: string, specifier: string][] = [
  ["src/runtime/stdlib/x.ts", "../worker/index.ts"],
  ["src/runtime/worker/x.ts", "../index.ts"],
  ["src/components/point-cloud/x.ts", "../../index.ts"],
  ["src/bindings/x.ts", "../index.ts"],
  ["src/bindings/x.ts", "../node.ts"],
  ["src/bindings/x.ts", "../components/index.ts"],
  ["src/bindings/x.ts", "../runtime/plugin.ts"],
  ["src/cli/x.ts", "../bindings/index.ts"],
  ["src/cells/drift/x.ts", "../../arrow/fixed-width.ts"]
];

test("the linter refuses every import against the layers' direction", async () => {
  for (const [file, specifier] of forbidden)
    assert.notDeepEqual(await importErrors(file, specifier), [], `${file} may not import ${specifier}`);
});

test("the linter allows the imports the layers are meant to make", async () => {
  for (const [file, specifier] of allowed)
    assert.deepEqual(await importErrors(file, specifier), [], `${file} may import ${specifier}`);
});
