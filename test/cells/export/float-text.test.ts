import assert from "node:assert/strict";
import {test} from "node:test";
import {Random} from "../../../src/cells/random.ts";
import {float32Text} from "../../../src/cells/export/writers/float-text.ts";

test("float32Text() writes the shortest decimal that reads back as the same float32", () => {
  const texts = [0.1, 3.14159, 1e-7, -1e7, 65504, 1.4e-45, 3.4028234663852886e38].map((x) =>
    float32Text(Math.fround(x))
  );
  assert.deepEqual(texts, ["0.1", "3.14159", "1e-7", "-10000000", "65504", "1e-45", "3.4028235e+38"]);
  assert.equal(float32Text(-0), "-0");
});

test("float32Text() round-trips 100,000 random float32 bit patterns through JSON", () => {
  const next = new Random(3);
  const value = new Float32Array(1);
  const bits = new Uint32Array(value.buffer);
  for (let i = 0; i < 100_000; ++i) {
    bits[0] = next.int();
    if (!Number.isFinite(value[0]!)) continue;
    const back = new Float32Array([JSON.parse(float32Text(value[0]!)) as number]);
    assert.equal(new Uint32Array(back.buffer)[0], bits[0]);
  }
});

test("float32Text() gives the digits of a toPrecision search, for embedding-like and any values", () => {
  // The reference: the fewest significant digits (1–9) whose toPrecision text reads back as the float.
  const shortest = (x: number) => {
    for (let digits = 1; ; ++digits) {
      const text = x.toPrecision(digits);
      if (Math.fround(Number(text)) === x) return Number(text);
    }
  };
  const next = new Random(11);
  const value = new Float32Array(1);
  const bits = new Uint32Array(value.buffer);
  for (let i = 0; i < 50_000; ++i) {
    if (i % 2) value[0] = next.float() - 0.5;
    else bits[0] = next.int();
    const x = value[0]!;
    if (!Number.isFinite(x) || x === 0) continue;
    assert.equal(float32Text(x), String(shortest(x)));
  }
});
