// Data loader cells run headless: their interpreter's stdout read in the cell's format, cached beside the
// notebook and reused, rerun when the source changes, failures in the cell, Node held to the notebook's folder.
import assert from "node:assert/strict";
import {chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {openNotebook} from "../../../src/runtime/headless/open-notebook.ts";
import {loaderSpec} from "../../../src/runtime/loaders/loader-cell.ts";
import {loaderOutput} from "../../../src/runtime/loaders/run-loader.ts";
import {CellId, type Cell} from "../../../src/runtime/notebook/types.ts";
import {valueof} from "../../helpers/notebook.ts";

const folders: string[] = [];
after(() => Promise.all(folders.map((folder) => rm(folder, {recursive: true, force: true}))));

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "phoenix-loaders-"));
  folders.push(dir);
  return dir;
}

/** Writes a notebook of `cells` (script elements) into `dir`, runs it headless, and returns its cells' state. */
async function run(dir: string, ...cells: string[]): Promise<(name: string) => unknown> {
  const path = join(dir, "notebook.html");
  await writeFile(
    path,
    `<!doctype html>\n<notebook>\n  <title>t</title>\n${cells.join("\n")}\n</notebook>\n`
  );
  const notebook = await openNotebook(path);
  assert.ok(await notebook.recorder.whenSettled(60_000), "every cell settles");
  notebook.runtime.dispose();
  return (name) => valueof(notebook, name);
}

const node = (output: string, format: string, source: string) =>
  `<script type="application/vnd.node.javascript" output="${output}" format="${format}">\n${source}\n</script>`;
const python = (output: string, format: string, source: string) =>
  `<script type="text/x-python" output="${output}" format="${format}">\n${source}\n</script>`;

test("a Node loader's JSON and a Python loader's CSV are values other cells read", async () => {
  const dir = await folder();
  const value = await run(
    dir,
    node("squares", "json", "process.stdout.write(JSON.stringify([1, 2, 3].map((x) => x * x)));"),
    python("rows", "csv", 'print("name,count")\nprint("a,3")\nprint("b,4")'),
    '<script type="application/vnd.observable.javascript">total = squares.reduce((a, b) => a + b) + rows[1].count</script>'
  );
  assert.deepEqual(value("squares"), [1, 4, 9]);
  assert.deepEqual(
    [...(value("rows") as object[])],
    [
      {name: "a", count: 3},
      {name: "b", count: 4}
    ]
  );
  assert.equal(value("total"), 1 + 4 + 9 + 4);
});

test("a loader's output is cached beside the notebook and reused; a changed source runs again", async () => {
  const dir = await folder();
  // Each run appends a line to runs.txt: the count of lines is the count of runs.
  const counting = (tag: string) =>
    python("n", "text", `open("runs.txt", "a").write("run\\n")\nprint("${tag}", end="")`);
  assert.equal((await run(dir, counting("first")))("n"), "first");
  assert.equal((await run(dir, counting("first")))("n"), "first");
  assert.equal(await readFile(join(dir, "runs.txt"), "utf8"), "run\n", "the second run read the cache");
  assert.equal((await run(dir, counting("second")))("n"), "second");
  assert.equal(await readFile(join(dir, "runs.txt"), "utf8"), "run\nrun\n");
  const cell = cellOf("python", "text", `open("runs.txt", "a").write("run\\n")\nprint("first", end="")`);
  assert.equal(await readFile(join(dir, ".observable", "cache", loaderSpec(cell).file), "utf8"), "first");
});

test("a failing loader is its cell's error, with its stderr and exit code; other cells keep working", async () => {
  const dir = await folder();
  const value = await run(
    dir,
    python("broken", "json", 'import sys\nprint("no such table: sales", file=sys.stderr)\nsys.exit(3)'),
    '<script type="application/vnd.observable.javascript">fine = 1 + 1</script>'
  );
  assert.deepEqual(value("broken"), {
    error: "runtime: python3 exited with code 3\nno such table: sales"
  });
  assert.equal(value("fine"), 2);
});

test("a Node loader reads its notebook's folder but nothing outside it (Node's permission model)", async () => {
  const dir = await folder();
  const outside = await folder();
  await writeFile(join(dir, "inside.txt"), "inside");
  await writeFile(join(outside, "secret.txt"), "secret");
  const reader = (path: string) =>
    `import {readFileSync} from "node:fs";\nprocess.stdout.write(readFileSync(${JSON.stringify(path)}, "utf8"));`;
  const value = await run(
    dir,
    node("mine", "text", reader("./inside.txt")),
    node("theirs", "text", reader(join(outside, "secret.txt")))
  );
  assert.equal(value("mine"), "inside");
  const {error} = value("theirs") as {error: string};
  assert.match(error, /^runtime: node exited with code 1\n/);
  assert.match(error, /ERR_ACCESS_DENIED/);
  assert.doesNotMatch(error, /secret\n|"secret"/);
});

test("a loader whose interpreter is missing says which; .venv/bin/python3 beside the notebook is used", async () => {
  const dir = await folder();
  const path = process.env.PATH;
  process.env.PATH = join(dir, "no-bin");
  try {
    const value = await run(dir, python("x", "text", "print(1)"));
    assert.deepEqual(value("x"), {
      error: "runtime: python3 not found: install Python 3, or create a .venv beside the notebook"
    });
  } finally {
    process.env.PATH = path;
  }
  await mkdir(join(dir, ".venv", "bin"), {recursive: true});
  await writeFile(join(dir, ".venv", "bin", "python3"), "#!/bin/sh\nprintf 'from the venv'\n");
  await chmod(join(dir, ".venv", "bin", "python3"), 0o755);
  assert.equal((await run(dir, python("y", "text", "print(2)")))("y"), "from the venv");
});

test("a loader that runs past its timeout is killed and leaves no snapshot", async () => {
  const dir = await folder();
  const cell = cellOf("python", "text", "while True:\n    pass");
  await assert.rejects(loaderOutput(join(dir, "notebook.html"), loaderSpec(cell), {timeout: 300}), {
    name: "LoaderError",
    message: "python3 did not finish within 0.3 s"
  });
  await assert.rejects(readFile(join(dir, ".observable", "cache", loaderSpec(cell).file)), {code: "ENOENT"});
});

test("a cached output that is a symbolic link is refused, not followed", async () => {
  const dir = await folder();
  const outside = await folder();
  await writeFile(join(outside, "secret.txt"), "secret");
  const cell = cellOf("python", "text", 'print("mine")');
  await mkdir(join(dir, ".observable", "cache"), {recursive: true});
  await symlink(join(outside, "secret.txt"), join(dir, ".observable", "cache", loaderSpec(cell).file));
  await assert.rejects(loaderOutput(join(dir, "notebook.html"), loaderSpec(cell)), /is not a plain file/);
});

test("an unknown format or an output that is no name is the cell's syntax error", async () => {
  const dir = await folder();
  const value = await run(dir, python("x", "yaml", "print(1)"), python("a b", "text", "print(1)"));
  assert.deepEqual(value("x"), {
    error:
      'syntax: unknown format: "yaml" (expected text, json, csv, tsv, xml, arrow, parquet, blob, buffer, jpeg, gif, webp, png, svg, html)'
  });
});

test("a loader's output named invalidation or a reserved word fails that cell only", async () => {
  const dir = await folder();
  // Before: the loader defined the runtime's `invalidation`, and a cell waiting on it got the loader's text.
  const path = join(dir, "notebook.html");
  const cells = [
    node("invalidation", "text", 'process.stdout.write("1");'),
    node("class", "text", 'process.stdout.write("2");'),
    '<script type="application/vnd.observable.javascript">kind = typeof invalidation.then</script>'
  ];
  await writeFile(
    path,
    `<!doctype html>\n<notebook>\n  <title>t</title>\n${cells.join("\n")}\n</notebook>\n`
  );
  const notebook = await openNotebook(path);
  assert.ok(await notebook.recorder.whenSettled(60_000), "every cell settles");
  notebook.runtime.dispose();
  assert.deepEqual(
    notebook.recorder.reports.map((report) => report.error?.describe() ?? report.value),
    [
      'line 5: invalid output name: "invalidation" (it is the runtime\'s own, given to each cell; choose another name)',
      'line 8: invalid output name: "class" (a reserved word: no cell can read it; choose another name)',
      "function"
    ]
  );
});

function cellOf(mode: "node" | "python", format: string, source: string): Cell & {mode: "node" | "python"} {
  return {id: CellId.create(1), mode, format, source, pinned: false, line: 1};
}

test("a build stops at a failing loader, naming the notebook, the line and the interpreter's message", async () => {
  const {buildSite, BuildError} = await import("../../../src/runtime/vite/build-site.ts");
  const dir = await folder();
  await writeFile(
    join(dir, "nb.html"),
    `<notebook>\n<script type="text/x-python" output="x">\nimport sys\nsys.exit("bad input")\n</script>\n</notebook>\n`
  );
  await assert.rejects(buildSite({input: join(dir, "nb.html"), outDir: join(dir, "out")}), (error) => {
    assert.ok(error instanceof BuildError);
    assert.match(
      error.message,
      /nb\.html:3 \(cell x\): data loader failed: python3 exited with code 1\nbad input/
    );
    return true;
  });
});
