import assert from "node:assert/strict";
import {mkdir, mkdtemp, readFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {cli} from "../helpers/cli.ts";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/notebooks/${name}`, import.meta.url));
const tempDir = () => mkdtemp(join(tmpdir(), "phoenix-run-limits-"));

interface Report {
  cells: {name: string | null; status: string}[];
}

test("--timeout ends a run whose cell blocks the main thread, reports it unsettled and still writes --json", async () => {
  const json = join(await tempDir(), "out.json");
  const result = await cli(["run", fixture("spin.html"), "--timeout", "5", "--json", json], {
    timeoutMs: 40_000
  });
  assert.equal(result.killed, false, "the run hung until the outer timeout killed it");
  assert.equal(result.code, 1);
  assert.match(result.stdout, /✓ quick\s+1\n/);
  assert.match(result.stdout, /… spin\s+did not settle/);
  assert.match(result.stdout, /2 cells: 1 fulfilled, 0 rejected, 1 unsettled after 5 s/);
  const report = JSON.parse(await readFile(json, "utf8")) as Report;
  assert.deepEqual(
    report.cells.map((cell) => [cell.name, cell.status]),
    [
      ["quick", "fulfilled"],
      ["spin", "pending"]
    ]
  );
});

test("--timeout ends a run whose cell blocks the thread before any other cell settles", async () => {
  const result = await cli(["run", fixture("spin-at-once.html"), "--timeout", "2"], {timeoutMs: 40_000});
  assert.equal(result.killed, false, "the run hung until the outer timeout killed it");
  assert.equal(result.code, 1);
  assert.match(result.stdout, /… spin\s+did not settle/);
  assert.match(result.stdout, /1 cells: 0 fulfilled, 0 rejected, 1 unsettled after 2 s/);
});

test("--timeout ends a run whose cell awaits in an endless loop", async () => {
  const result = await cli(["run", fixture("async-forever.html"), "--timeout", "1"], {timeoutMs: 40_000});
  assert.equal(result.killed, false, "the run hung until the outer timeout killed it");
  assert.equal(result.code, 1);
  assert.match(result.stdout, /1 unsettled after 1 s/);
});

test("a finished run exits at once, whatever timers and loops its cells left running", async () => {
  const result = await cli(["run", fixture("lingering.html")], {timeoutMs: 40_000});
  assert.equal(result.killed, false, "the process stayed alive after its summary");
  assert.equal(result.code, 0);
  assert.match(result.stdout, /2 cells: 2 fulfilled, 0 rejected/);
});

test("a run whose cells all fulfilled exits 0, even when a timer they left holds the thread past --timeout", async () => {
  // Both cells fulfil; then b's timer takes the thread before the run can say so, and the deadline ends it.
  const result = await cli(["run", fixture("spin-after-settling.html"), "--timeout", "2"], {
    timeoutMs: 40_000
  });
  assert.equal(result.killed, false, "the run hung until the outer timeout killed it");
  assert.match(result.stdout, /✓ a\s+2\n✓ b\s+3\n/);
  // Before: "2 cells: 2 fulfilled, 0 rejected, 0 unsettled after 2 s", and exit 1.
  assert.match(result.stdout, /\n2 cells: 2 fulfilled, 0 rejected\n$/);
  assert.equal(result.code, 0);
});

test("a huge --timeout is taken without a TimeoutOverflowWarning", async () => {
  const result = await cli(["run", fixture("slow.html"), "--timeout", "1e9"]);
  assert.equal(result.code, 0);
  assert.doesNotMatch(result.stderr, /TimeoutOverflowWarning|Warning/);
});

/** One line on stderr, exit 2, and no stack trace. */
function assertUsageError(result: {code: number; stderr: string; stdout: string}, message: RegExp) {
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, message);
  assert.doesNotMatch(result.stderr, /\n\s+at /, "printed a stack trace");
  assert.doesNotMatch(result.stdout, /\n\s+at /, "printed a stack trace");
}

test("run on a directory is one clear line and exit 2", async () => {
  const directory = await tempDir();
  assertUsageError(await cli(["run", directory]), /phoenix-notebook: .* is a directory, not a notebook file/);
});

test("--json into a folder that does not exist is refused before the run", async () => {
  const json = join(await tempDir(), "missing", "out.json");
  const result = await cli(["run", fixture("basic.html"), "--json", json]);
  assertUsageError(result, /--json: no such directory: .*missing/);
  assert.doesNotMatch(result.stdout, /cells:/, "the notebook ran before the mistake was reported");
});

test("serve on a port that is taken is one clear line and exit 2", async () => {
  const {createServer} = await import("node:net");
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const {port} = blocker.address() as {port: number};
  try {
    const directory = await tempDir();
    assertUsageError(
      await cli(["serve", directory, "--port", String(port)], {timeoutMs: 30_000}),
      new RegExp(`--port ${port}: the port is in use`)
    );
  } finally {
    blocker.close();
  }
});

test("build --out into a place it cannot write is one clear line, not a bundler backtrace", async () => {
  const directory = await tempDir();
  const file = join(directory, "a-file");
  await mkdir(join(directory, "notebooks"));
  const {writeFile} = await import("node:fs/promises");
  await writeFile(file, "not a folder");
  const result = await cli(["build", fixture("basic.html"), "--out", join(file, "site")], {
    timeoutMs: 120_000
  });
  assertUsageError(result, /--out: cannot write .*a-file\/site/);
});
