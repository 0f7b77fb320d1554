import assert from "node:assert/strict";
import {execFileSync} from "node:child_process";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {CellError} from "../../../src/runtime/cell-error.ts";
import {redact} from "../../../src/runtime/secrets/redact.ts";

const key = "typed-by-the-user-4242-abcd";

test("redact() takes out each secret, and any word sharing eight characters in a row with one", () => {
  assert.equal(redact(`key ${key}, prefix typed-by-the, ok`, [key]), "key [redacted], prefix [redacted], ok");
});

test("redact() does not hunt secrets under four characters inside other text", () => {
  assert.equal(redact("a cat sat", ["at"]), "a cat sat");
});

test("redact() takes out URL credentials, key-like query parameters and Bearer tokens", () => {
  assert.equal(
    redact("GET https://me:pw@host/v1?api-key=abc123&x=1 with Bearer abcdefgh12345"),
    "GET https://[redacted]@host/v1?api-key=[redacted]&x=1 with Bearer [redacted]"
  );
});

test("redact() takes out sk- keys and masked echoes of keys", () => {
  assert.equal(
    redact(
      "Incorrect API key provided: sk-proj-0123456789abcdefXYZ; seen as sk-PR***cdef and sk-proj-****abcd."
    ),
    "Incorrect API key provided: [redacted]; seen as [redacted] and [redacted]."
  );
});

test("redact() leaves ordinary text alone", () => {
  const text = "x (line 3): no data for 2 ** 3 at http://127.0.0.1:8080/v1/embeddings, see a@b.org";
  assert.equal(redact(text, ["unrelated-secret"]), text);
});

test("CellError.describe() shows no URL credentials nor key shapes", () => {
  const error = new CellError(
    "runtime",
    "fetch http://me:sk-PRsecret0123456789cdef@127.0.0.2:9/ failed",
    "x",
    3
  );
  assert.equal(error.describe(), "x (line 3): fetch http://[redacted]@127.0.0.2:9/ failed");
});

// A pattern that backtracks takes time with the square of a word's length: 80,000 characters took 4.6 s and a
// cell holding a 200,000-base DNA sequence made `run` take 51 s. Linear, 2 million characters take milliseconds;
// the square would take hours. In a child process with a deadline far above the first: a regex holds the thread,
// so a test's own timeout would never fire, and a regression would hang the suite instead of failing it.
test("redact() reads a 2-million-character word, a secret's prefix and a masked key in one pass", () => {
  const script = `
    const {redact} = await import(${JSON.stringify(fileURLToPath(new URL("../../../src/runtime/secrets/redact.ts", import.meta.url)))});
    const dna = "ACGT".repeat(500_000);
    const lengths = [
      redact(dna),
      redact(dna + "-"),
      redact("a".repeat(1_000_000) + " " + "9".repeat(1_000_000), [${JSON.stringify(key)}]),
      redact("*".repeat(2_000_000))
    ].map((text) => text.length);
    console.log(JSON.stringify({lengths, masked: redact(dna + " sk-PR***cdef").slice(-11)}));`;
  const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    timeout: 60_000,
    encoding: "utf8"
  });
  assert.deepEqual(JSON.parse(out), {
    lengths: [2_000_000, 2_000_001, 2_000_001, 2_000_000],
    masked: " [redacted]"
  });
});

test("redact() takes out a masked key whole, whatever its asterisks and ends, and leaves bare asterisks", () => {
  assert.equal(
    redact("seen as sk-PR***cdef, ***abcd, abcd***, a*b***c."),
    "seen as [redacted], [redacted], [redacted], [redacted]."
  );
  assert.equal(redact("rated *** or ** or a**b"), "rated *** or ** or a**b");
});
