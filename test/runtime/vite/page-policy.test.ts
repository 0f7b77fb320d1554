import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {test} from "node:test";
import {HTL_PLACEHOLDERS, pagePolicy} from "../../../src/runtime/vite/page-policy.ts";

const directives = (policy: string) =>
  new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/) as [string, ...string[]])
      .map(([name, ...sources]) => [name, sources])
  );

test("pagePolicy() allows script elements, workers and connections only from the page's own origin", () => {
  const policy = directives(pagePolicy());
  assert.deepEqual(policy.get("default-src"), ["'self'"]);
  assert.deepEqual(
    policy.get("script-src")?.filter((source) => !/eval'|hashes'|^'sha256-/.test(source)),
    ["'self'"]
  );
  assert.deepEqual(policy.get("worker-src"), ["'self'", "blob:"]);
  assert.deepEqual(policy.get("connect-src"), ["'self'"]);
  assert.deepEqual(policy.get("img-src"), ["'self'", "data:", "blob:"]);
  assert.deepEqual(policy.get("object-src"), ["'none'"]);
  assert.deepEqual(policy.get("base-uri"), ["'none'"]);
});

test("pagePolicy(connect) adds the given origins to connect-src only", () => {
  const policy = directives(pagePolicy(["https://api.example.org"]));
  assert.deepEqual(policy.get("connect-src"), ["'self'", "https://api.example.org"]);
  assert.deepEqual(policy.get("script-src")?.includes("https://api.example.org"), false);
});

test("pagePolicy() lets through as inline handlers only htl's placeholders, which are not JavaScript", () => {
  const hashes = directives(pagePolicy())
    .get("script-src")
    ?.filter((source) => source.startsWith("'sha256-"));
  const placeholders = Array.from({length: HTL_PLACEHOLDERS}, (_, i) => `::${i}`);
  const hashOf = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
  assert.deepEqual(hashes, placeholders.map(hashOf));
  for (const placeholder of placeholders)
    assert.throws(() => new Function("event", placeholder), SyntaxError);
});
