// The package as a user gets it: staged and packed as `npm pack` would (scripts/package), installed from the
// tarball into an empty project without dev dependencies (so without tsx or TypeScript), and used there from
// plain Node: the library, the runtime on its own, the components, the types and the `phoenix-notebook` bin.
import assert from "node:assert/strict";
import {execFile} from "node:child_process";
import {copyFile, mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {existsSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {fileURLToPath} from "node:url";
import {promisify} from "node:util";
import {stagePackage} from "../../scripts/package/stage.ts";
import {embeddingDrift, load} from "../../src/index.ts";

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DATA = join(ROOT, "notebooks", "data");

let work: string;
let project: string;
let packedFiles: string[];

before(async () => {
  work = await mkdtemp(join(tmpdir(), "phoenix-pack-"));
  const stage = await stagePackage(join(work, "package"));
  const {stdout} = await exec("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], {
    cwd: stage
  });
  const [packed] = JSON.parse(stdout) as {filename: string; size: number; files: {path: string}[]}[];
  packedFiles = packed!.files.map((file) => file.path);
  project = join(work, "project");
  await mkdir(project);
  await writeFile(
    join(project, "package.json"),
    JSON.stringify({name: "user", private: true, type: "module"})
  );
  // The npm cache holds every dependency (CI runs `npm ci` first), so this works offline.
  await exec(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", "--omit=dev", join(work, packed!.filename)],
    {cwd: project}
  );
  for (const name of ["digits-schema.json", "digits-production.parquet", "digits-training.parquet"])
    await copyFile(join(DATA, name), join(project, name));
});

after(() => rm(work, {recursive: true, force: true}));

/** Runs `code` as an ES module in the project with plain Node (no loader); resolves to its stdout. */
async function node(code: string): Promise<string> {
  const file = join(project, `script-${Math.random().toString(36).slice(2)}.mjs`);
  await writeFile(file, code);
  return (await exec(process.execPath, [file], {cwd: project})).stdout;
}

test("the tarball holds the compiled code, the bin and the assets, and no sources, tests, benches or scripts", () => {
  for (const file of ["dist/index.js", "dist/index.d.ts", "dist/cli/main.js", "bin/phoenix-notebook.js"])
    assert.ok(packedFiles.includes(file), file);
  assert.ok(packedFiles.includes("assets/words-50k.bin"));
  assert.ok(packedFiles.includes("dist/runtime/client/page.css"), "the stylesheets the page client imports");
  const stray = packedFiles.filter(
    (file) => /^(src|test|bench|scripts)\//.test(file) || /\.test\./.test(file)
  );
  assert.deepEqual(stray, []);
});

test("installed without dev dependencies, the project has neither tsx nor TypeScript", () => {
  assert.ok(existsSync(join(project, "node_modules", "phoenix-notebook", "dist", "index.js")));
  assert.equal(existsSync(join(project, "node_modules", "tsx")), false);
  assert.equal(existsSync(join(project, "node_modules", "typescript")), false);
});

test("plain Node imports phoenix-notebook, loads Parquet and computes drift as the sources do", async () => {
  const stdout = await node(`
    import {readFile} from "node:fs/promises";
    import * as px from "phoenix-notebook";
    const schema = JSON.parse(await readFile("digits-schema.json", "utf8"));
    const production = await px.load("digits-production.parquet", {schema, name: "production"});
    const training = await px.load("digits-training.parquet", {schema, name: "training"});
    console.log(JSON.stringify(px.embeddingDrift(production, training, {embedding: "image_embedding"})));
  `);
  const schema = JSON.parse(await readFile(join(DATA, "digits-schema.json"), "utf8")) as object;
  const production = await load(join(DATA, "digits-production.parquet"), {schema, name: "production"});
  const training = await load(join(DATA, "digits-training.parquet"), {schema, name: "training"});
  const expected = embeddingDrift(production, training, {embedding: "image_embedding"});
  assert.deepEqual(JSON.parse(stdout), expected);
});

test("phoenix-notebook/runtime and /runtime/node run a notebook without Phoenix", async () => {
  const stdout = await node(`
    import {parseNotebook, serializeNotebook} from "phoenix-notebook/runtime";
    import {defineHeadless} from "phoenix-notebook/runtime/node";
    const html = '<notebook><script type="application/vnd.observable.javascript">x = 6 * 7</script>' +
      '<script type="application/vnd.observable.javascript">y = typeof px</script></notebook>';
    const notebook = parseNotebook(serializeNotebook(parseNotebook(html, "a.html")), "a.html");
    const {recorder} = defineHeadless(notebook, "a.html");
    await recorder.whenSettled();
    console.log(JSON.stringify(recorder.reports.map((r) => [r.status, r.value ?? r.error?.message])));
  `);
  assert.deepEqual(JSON.parse(stdout), [
    ["fulfilled", 42],
    ["rejected", "px is not defined"]
  ]);
});

test("phoenix-notebook/components defines the custom elements on a page's DOM", async () => {
  // happy-dom stands in for the page; npm installs it beside the package, as one of its dependencies.
  const stdout = await node(`
    import {Window} from "happy-dom";
    const window = new Window();
    for (const name of ["window", "document", "customElements", "HTMLElement", "Node", "Element", "ShadowRoot",
      "Document", "CSSStyleSheet", "MutationObserver", "requestAnimationFrame", "getComputedStyle"])
      globalThis[name] = window[name];
    const components = await import("phoenix-notebook/components");
    const names = ["phx-point-cloud", "phx-cluster-explorer", "phx-drift-timeline", "phx-feature-drift-table"];
    console.log(JSON.stringify(names.map((name) => document.createElement(name).constructor.name)));
    console.log(typeof components.checkPointCloud);
  `);
  assert.equal(
    stdout,
    '["PhxPointCloud","PhxClusterExplorer","PhxDriftTimeline","PhxFeatureDriftTable"]\nfunction\n'
  );
});

test("npx phoenix-notebook run evaluates a notebook with px, a worker, Parquet, the DOM, TypeScript and a module cell", async () => {
  const cell = (source: string) => `<script type="application/vnd.observable.javascript">${source}</script>`;
  await writeFile(
    join(project, "digits.html"),
    [
      "<notebook>",
      cell('schema = FileAttachment("digits-schema.json").json()'),
      cell('production = px.load(FileAttachment("digits-production.parquet"), {schema, name: "production"})'),
      cell('training = px.load(FileAttachment("digits-training.parquet"), {schema, name: "training"})'),
      cell('drift = px.embeddingDrift(production, training, {embedding: "image_embedding"}).value'),
      cell('projection = px.project([production, training], {embedding: "image_embedding", samples: 100})'),
      cell("points = projection.coordinates.length / projection.nComponents"),
      cell('rows = FileAttachment("digits-training.parquet").parquet().then((table) => table.numRows)'),
      '<script type="text/markdown"># ${points} points</script>',
      // The compiled package bundles the notebook thread (scripts/package/bundle-thread.ts): the TypeScript
      // compiler it installs on first use and a module cell's imports must still reach the modules they did.
      '<script type="text/x-typescript">const typed: number = points * 2;</script>',
      '<script type="module">import {tableFromArrays} from "apache-arrow"; const columns = tableFromArrays({x: [1, 2, 3]}).numCols;</script>',
      "</notebook>"
    ].join("\n")
  );
  const {stdout} = await exec("npx", ["phoenix-notebook", "run", "digits.html", "--json", "out.json"], {
    cwd: project
  });
  assert.match(stdout, /10 cells: 10 fulfilled, 0 rejected/);
  const {cells} = JSON.parse(await readFile(join(project, "out.json"), "utf8")) as {
    cells: {name: string | null; value: unknown}[];
  };
  const value = (name: string | null) => cells.find((c) => c.name === name)?.value;
  assert.equal(typeof value("drift"), "number");
  assert.equal(value("points"), 200);
  const schema = JSON.parse(await readFile(join(DATA, "digits-schema.json"), "utf8")) as object;
  const training = await load(join(DATA, "digits-training.parquet"), {schema, name: "training"});
  assert.equal(value("rows"), training.table.numRows);
  assert.deepEqual(value(null), {type: "element", tag: "h1", text: "200 points"});
  assert.equal(value("typed"), 400);
  // A module cell's imports are among its outputs, as in Notebook Kit.
  assert.deepEqual(value("tableFromArrays, columns"), {
    tableFromArrays: {type: "function", name: "tableFromArrays"},
    columns: 1
  });
});

test("npx phoenix-notebook --version prints the installed package's version (the compiled CLI finds its manifest)", async () => {
  const {version} = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as {version: string};
  const {stdout} = await exec("npx", ["phoenix-notebook", "--version"], {cwd: project});
  assert.equal(stdout, `phoenix-notebook ${version}\n`);
});

test("the .d.ts types check a consumer's code and catch its mistakes", async () => {
  const consumer = join(project, "consumer.ts");
  await writeFile(
    consumer,
    `import * as px from "phoenix-notebook";
import {parseNotebook, type Notebook} from "phoenix-notebook/runtime";
import {runNotebookThread} from "phoenix-notebook/runtime/node";
import type {PhxPointCloud} from "phoenix-notebook/components";
export async function drift(a: px.Dataset, b: px.Dataset): Promise<number | null> {
  const notebook: Notebook = parseNotebook("<notebook></notebook>", "a.html");
  void notebook;
  void runNotebookThread;
  const view: PhxPointCloud | undefined = undefined;
  void view;
  // @ts-expect-error: embeddingDrift takes datasets, not paths
  px.embeddingDrift("a.parquet", b, {embedding: "e"});
  return px.embeddingDrift(a, b, {embedding: "e"}).value;
}
`
  );
  await writeFile(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {module: "nodenext", strict: true, noEmit: true, skipLibCheck: true, types: []},
      files: ["consumer.ts"]
    })
  );
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  await exec(process.execPath, [tsc, "-p", project]).catch((error: {stdout: string}) => {
    assert.fail(`tsc failed:\n${error.stdout}`);
  });
});
