import assert from "node:assert/strict";
import {readFile, stat} from "node:fs/promises";
import {test} from "node:test";
import {decodeWordVectors, encodeWordVectors} from "../../../src/cells/embed/words/asset-format.ts";
import {sifWeights} from "../../../src/cells/embed/words/sif.ts";

const asset = new URL("../../../assets/words-50k.bin", import.meta.url);

test("the word-vector asset holds 50,000 words × 100 dimensions in under 6 MB", async () => {
  assert.ok((await stat(asset)).size < 6_000_000);
  const words = decodeWordVectors(await readFile(asset));
  assert.equal(words.count, 50_000);
  assert.equal(words.dim, 100);
  assert.equal(words.index.get("the"), 0);
  assert.equal(words.ranks[0], 1);
  assert.ok(words.index.has("kitten") && words.index.has("well-known"));
});

test("the word-vector asset keeps GloVe's neighbours: cat is near dog and kitten, far from inflation", async () => {
  const words = decodeWordVectors(await readFile(asset));
  const vector = (word: string) => {
    const w = words.index.get(word)!;
    return Array.from(words.vectors.subarray(w * 100, (w + 1) * 100), (q) => q * words.scales[w]!);
  };
  const cosine = (a: number[], b: number[]) =>
    a.reduce((s, x, i) => s + x * b[i]!, 0) / Math.hypot(...a) / Math.hypot(...b);
  // From the package's full vectors (GloVe 6B 100-d): cat–dog 0.880, cat–kitten 0.558, cat–inflation 0.162.
  assert.ok(Math.abs(cosine(vector("cat"), vector("dog")) - 0.88) < 0.005);
  assert.ok(cosine(vector("cat"), vector("kitten")) > 0.5);
  assert.ok(cosine(vector("cat"), vector("inflation")) < 0.2);
});

test("encodeWordVectors() and decodeWordVectors() round-trip, at any byte offset", () => {
  const bytes = encodeWordVectors(
    ["a", "b-c"],
    Uint32Array.of(3, 7),
    Float32Array.of(0.5, 2),
    Int8Array.of(1, -2, 127, -127),
    2
  );
  const shifted = new Uint8Array(bytes.byteLength + 1);
  shifted.set(bytes, 1);
  const words = decodeWordVectors(shifted.subarray(1));
  assert.deepEqual(
    [...words.index],
    [
      ["a", 0],
      ["b-c", 1]
    ]
  );
  assert.deepEqual([...words.ranks], [3, 7]);
  assert.deepEqual([...words.scales], [0.5, 2]);
  assert.deepEqual([...words.vectors], [1, -2, 127, -127]);
});

test("decodeWordVectors() rejects bytes that are not the asset", () => {
  assert.throws(() => decodeWordVectors(new TextEncoder().encode("not an asset at all, no")), /bad magic/);
});

test("sifWeights() damps frequent words: a/(a + p) with Zipf's p from the rank", () => {
  const [the, mid, rare] = sifWeights(Uint32Array.of(1, 100, 40_000));
  const harmonic = Math.log(400_000) + 0.5772156649 + 1 / 800_000;
  assert.ok(Math.abs(the! - 1e-3 / (1e-3 + 1 / harmonic)) < 1e-7);
  assert.ok(the! < 0.02 && mid! > 0.5 && mid! < 0.6 && rare! > 0.99);
});
