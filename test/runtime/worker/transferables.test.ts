import assert from "node:assert/strict";
import {test} from "node:test";
import {collectTransferables} from "../../../src/runtime/worker/transferables.ts";

test("collectTransferables() finds buffers at the top and one level down, once each", () => {
  const a = new Float32Array(2);
  const b = new ArrayBuffer(8);
  const shared = new Int32Array(new SharedArrayBuffer(8));
  assert.deepEqual(
    collectTransferables({a, alias: a.subarray(1), b, shared, nested: {c: new Uint8Array(1)}}),
    [a.buffer, b]
  );
  assert.deepEqual(collectTransferables([a]), [a.buffer]);
  assert.deepEqual(collectTransferables(a), [a.buffer]);
});
