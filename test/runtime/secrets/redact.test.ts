import assert from "node:assert/strict";
import {test} from "node:test";
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
