import assert from "node:assert/strict";
import {mkdtemp, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {build} from "../../src/cli/build.ts";
import {UsageError} from "../../src/cli/usage-error.ts";

let temp: string;

before(async () => {
  temp = await mkdtemp(join(tmpdir(), "phoenix-single-cli-"));
});

after(async () => {
  await rm(temp, {recursive: true, force: true});
});

test("build --single-file refuses a page over the size limit in one line naming it and its size, exit 2", async (t) => {
  const errors: string[] = [];
  t.mock.method(console, "error", (line: string) => errors.push(line));
  t.mock.method(console, "log", () => {});
  const out = join(temp, "too-large");
  // digits-sql carries duckdb-wasm for its SQL cells: far over 5 MB.
  assert.equal(
    await build(["notebooks/digits-sql.html", "--out", out, "--single-file", "--max-size", "5", "--no-bake"]),
    2
  );
  assert.equal(errors.length, 1);
  assert.match(
    errors[0]!,
    /^phoenix-notebook: digits-sql\.html: the single file would be \d+(\.\d+)? MB, over the limit of 5 MB \(--max-size MB raises it\)$/
  );
  assert.ok(Number(/would be ([\d.]+) MB/.exec(errors[0]!)![1]) > 34, "duckdb-wasm's 34 MB module is in it");
  assert.deepEqual(await readdir(out).catch(() => []), [], "nothing written");
});

test("build --max-size without --single-file, or not a positive number, is a usage error", async () => {
  const out = join(temp, "usage");
  await assert.rejects(build(["notebooks/penguins.html", "--out", out, "--max-size", "5"]), UsageError);
  await assert.rejects(
    build(["notebooks/penguins.html", "--out", out, "--single-file", "--max-size", "lots"]),
    /--max-size: expected a positive number of megabytes, not "lots"/
  );
});
