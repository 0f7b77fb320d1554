import assert from "node:assert/strict";
import {test} from "node:test";
import {errorText} from "../../src/runtime/error-text.ts";
import {describeUncaught} from "../../src/runtime/uncaught.ts";

test("errorText() gives an Error's message, else its name", () => {
  assert.equal(errorText(new TypeError("bad")), "bad");
  assert.equal(errorText(new RangeError()), "RangeError");
});

test("errorText() gives a thrown object's string message (before: threw [object Object])", () => {
  assert.equal(errorText({message: "quota exceeded", code: 429}), "quota exceeded");
});

test("errorText() writes another thrown value as short JSON, or as it is", () => {
  assert.equal(errorText({code: 429}), 'threw {"code":429}');
  assert.equal(errorText("oops", "rejected with"), "rejected with oops");
  const long = errorText({detail: "x".repeat(500)});
  assert.equal(long.length, "threw ".length + 120);
  assert.ok(long.endsWith("…"));
});

test("errorText() never throws on a value whose own code throws when read (before: String() threw, unsettling the cell)", () => {
  assert.equal(errorText(Object.create(null)), "threw {}");
  const message = new Error("m");
  Object.defineProperty(message, "message", {
    get() {
      throw new Error("getter");
    }
  });
  assert.equal(errorText(message), "Error (its message could not be read: getter)");
  const cyclic: {self?: unknown} = {};
  cyclic.self = cyclic;
  assert.equal(errorText(cyclic), "threw [object Object]");
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  assert.equal(errorText(revoked.proxy), "threw [object Object]");
});

test("describeUncaught() (the page's and run's notice) says the same of a thrown object", () => {
  assert.equal(
    describeUncaught("rejection", {message: "quota exceeded"}, [], []),
    "unhandled rejection outside any cell: quota exceeded"
  );
});
