import assert from "node:assert/strict";
import {execFile} from "node:child_process";
import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {fileURLToPath} from "node:url";

const bin = fileURLToPath(new URL("../../bin/phoenix-notebook.js", import.meta.url));

// The flow the README recommends: a password input feeding cells that echo, mask, embed in a URL or throw it.
const notebook = `<!doctype html>
<notebook>
  <title>Secrets</title>
  <script id="1" type="application/vnd.observable.javascript">
    viewof apiKey = Inputs.password({label: "API key", value: "sk-PRdefault0123456789Wxyz"})
  </script>
  <script id="2" type="application/vnd.observable.javascript">
    echo = apiKey
  </script>
  <script id="3" type="application/vnd.observable.javascript">
    masked = apiKey.slice(0, 5) + "***" + apiKey.slice(-4)
  </script>
  <script id="4" type="application/vnd.observable.javascript">
    baseURL = \`http://me:\${apiKey}@127.0.0.2:9/v1\`
  </script>
  <script id="5" type="application/vnd.observable.javascript">
    failing = { throw new Error(\`POST \${baseURL}/embeddings: 401, sent Bearer \${apiKey}\`); }
  </script>
  <script id="6" type="application/vnd.observable.javascript">
    viewof other = Inputs.password({value: "hunter2Hunter2"})
  </script>
  <script id="7" type="application/vnd.observable.javascript">
    both = ({key: other, list: [other, "kept"]})
  </script>
  <script id="8" type="application/vnd.observable.javascript">
    failing2 = { throw new Error("bad password " + other.slice(0, 10) + " for " + masked); }
  </script>
</notebook>
`;
const setKey = "sk-PRfromtheset0123456789Qzq9";
const forbidden = [setKey, "sk-PRfrom", "0123456789", "Qzq9", "sk-PRdefault", "hunter2", "me:"];

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "phoenix-secrets-"));
  await writeFile(join(dir, "secrets.html"), notebook);
});
after(() => rm(dir, {recursive: true, force: true}));

// A hard outer timeout: a hang fails this test rather than the suite.
function run(...args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, "run", ...args],
      {timeout: 60_000, killSignal: "SIGKILL"},
      (error, stdout, stderr) => resolve({code: error ? Number(error.code ?? -1) : 0, stdout, stderr})
    );
  });
}

test("run never prints or writes a password input's value, nor anything shaped like a key", async () => {
  const json = join(dir, "out.json");
  const {code, stdout, stderr} = await run(
    join(dir, "secrets.html"),
    "--set",
    `apiKey=${setKey}`,
    "--json",
    json
  );
  const written = await readFile(json, "utf8");
  for (const text of [stdout, stderr, written])
    for (const secret of forbidden) assert.ok(!text.includes(secret), `${secret} leaked:\n${text}`);
  assert.equal(code, 1);
  const cells = (JSON.parse(written) as {cells: {name: string; status: string; value: unknown}[]}).cells;
  assert.deepEqual(
    cells.map((cell) => [cell.name, cell.status, cell.value]),
    [
      ["viewof apiKey", "fulfilled", "[redacted]"],
      ["echo", "fulfilled", "[redacted]"],
      ["masked", "fulfilled", "[redacted]"],
      ["baseURL", "fulfilled", "http://[redacted]@127.0.0.2:9/v1"],
      ["failing", "rejected", null],
      ["viewof other", "fulfilled", "[redacted]"],
      ["both", "fulfilled", {key: "[redacted]", list: ["[redacted]", "kept"]}],
      ["failing2", "rejected", null]
    ]
  );
  assert.match(
    stdout,
    /✗ failing\s+failing \(line \d+\): POST http:\/\/\[redacted\]@127\.0\.0\.2:9\/v1\/embeddings/
  );
  assert.match(stdout, /✗ failing2\s+failing2 \(line \d+\): bad password \[redacted\] for \[redacted\]/);
});

test("a JavaScript cell's view(Inputs.password(…)) is a secret too: its value and every echo are redacted", async () => {
  const file = join(dir, "module-secrets.html");
  await writeFile(
    file,
    `<!doctype html>
<notebook>
  <title>Secrets in JavaScript cells</title>
  <script id="1" type="module">
    const token = view(Inputs.password({label: "token", value: "sk-PRmodule0123456789Abcd"}));
  </script>
  <script id="2" type="module">
    const echoed = token;
    display(\`the token is \${token}\`);
  </script>
</notebook>
`
  );
  const json = join(dir, "module-out.json");
  const {code, stdout, stderr} = await run(file, "--json", json);
  const written = await readFile(json, "utf8");
  for (const text of [stdout, stderr, written])
    for (const secret of ["sk-PRmodule", "0123456789", "Abcd"])
      assert.ok(!text.includes(secret), `${secret} leaked:\n${text}`);
  assert.equal(code, 0);
  const cells = (JSON.parse(written) as {cells: {value: unknown}[]}).cells;
  assert.deepEqual(
    cells.map((cell) => cell.value),
    ["[redacted]", "the token is [redacted]"]
  );
});

test("a cell's warnings in run's report and lines show no password input's value", async () => {
  const file = join(dir, "warned.html");
  await writeFile(
    file,
    `<!doctype html>
<notebook>
  <title>Secrets in warnings</title>
  <script id="1" type="application/vnd.observable.javascript">
    viewof apiKey = Inputs.password({label: "API key", value: "hunter2Hunter2"})
  </script>
  <script id="2" type="application/vnd.observable.javascript">
    warned = ({warnings: [\`401 for \${apiKey}\`, "kept"]})
  </script>
</notebook>
`
  );
  const json = join(dir, "warned.json");
  const {code, stdout, stderr} = await run(file, "--json", json);
  const written = await readFile(json, "utf8");
  for (const text of [stdout, stderr, written]) assert.ok(!text.includes("hunter2"), `leaked:\n${text}`);
  assert.equal(code, 0);
  const cells = (JSON.parse(written) as {cells: {warnings?: string[]}[]}).cells;
  assert.deepEqual(cells[1]?.warnings, ["401 for [redacted]", "kept"]);
  assert.match(stdout, /\n {2}⚠ 401 for \[redacted\]\n/);
});
