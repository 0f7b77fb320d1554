import assert from "node:assert/strict";
import {test} from "node:test";
import {tokenize} from "../../../src/cells/embed/words/tokenize.ts";

const known = (word: string) => ["well-known", "o'brien"].includes(word);

test("tokenize() lowercases and splits on anything but letters and digits", () => {
  assert.deepEqual(tokenize("The Cat (aged 3) sat; on the MAT!", known), [
    "the",
    "cat",
    "aged",
    "3",
    "sat",
    "on",
    "the",
    "mat"
  ]);
});

test("tokenize() removes accents, as GloVe 6B's vocabulary is ASCII", () => {
  assert.deepEqual(tokenize("Café naïve Zürich", known), ["cafe", "naive", "zurich"]);
});

test('tokenize() keeps negations as "not" and drops the other clitics', () => {
  assert.deepEqual(tokenize("I don't think it's John's; we can't, won't", known), [
    "i",
    "do",
    "not",
    "think",
    "it",
    "john",
    "we",
    "can",
    "not",
    "will",
    "not"
  ]);
  assert.deepEqual(tokenize("It’s fine", known), ["it", "fine"]);
});

test("tokenize() keeps a known hyphenated compound whole and splits an unknown one", () => {
  assert.deepEqual(tokenize("a well-known long-term plan", known), [
    "a",
    "well-known",
    "long",
    "term",
    "plan"
  ]);
});

test("tokenize() keeps a known word with an apostrophe and splits an unknown one", () => {
  assert.deepEqual(tokenize("O'Brien met d'Arcy", known), ["o'brien", "met", "d", "arcy"]);
});
