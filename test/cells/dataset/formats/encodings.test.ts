import assert from "node:assert/strict";
import {test} from "node:test";
import type {Table} from "apache-arrow";
import {firstInvalidUtf8} from "../../../../src/cells/dataset/formats/decode-text.ts";
import {readTable} from "../../../../src/cells/dataset/formats/index.ts";
import {Random} from "../../../../src/cells/random.ts";
import {fixture} from "./fixtures.ts";

const BOM_LE = [0xff, 0xfe];
const BOM_BE = [0xfe, 0xff];

// Node's Buffer encoders, not the TextDecoder under test, make the UTF-16 bytes.
function utf16le(text: string): number[] {
  return [...Buffer.from(text, "utf16le")];
}

function utf16be(text: string): number[] {
  return [...Buffer.from(text, "utf16le").swap16()];
}

function file(bytes: number[], name: string): File {
  return new File([new Uint8Array(bytes)], name);
}

function rows(table: Table): unknown[] {
  return table.toArray().map((row: {toJSON(): unknown}) => row.toJSON());
}

async function message(source: File | string): Promise<string> {
  try {
    await readTable(source);
  } catch (error) {
    return (error as Error).message;
  }
  return assert.fail("expected a DatasetError");
}

test("readTable() refuses a Latin-1 CSV, naming the byte, its offset and line, instead of reading U+FFFD", async () => {
  // latin1.csv: "id,ts,city\n" is bytes 0–10, then "1,2023-01-01T00:00:00Z," 11–33, "M" 34, "á" = 0xE1 at 35.
  assert.equal(
    await message(fixture("latin1.csv")),
    `${fixture("latin1.csv")}: not UTF-8 text: byte 0xE1 at offset 35 (line 2, after "…23-01-01T00:00:00Z,M"); ` +
      `save it as UTF-8 (Excel: "CSV UTF-8") or convert it: iconv -f <its encoding, e.g. WINDOWS-1252> -t UTF-8`
  );
});

test("readTable() reads Excel's UTF-16 LE text, byte-order mark first", async () => {
  const {table} = await readTable(fixture("utf16le.csv"));
  assert.deepEqual(rows(table), [{id: 1, x: 2}]);
});

test("readTable() reads UTF-16 BE and LE with a byte-order mark in CSV, TSV, JSON and JSONL", async () => {
  const cities = [{city: "Málaga"}, {city: "Mélaga"}, {city: "😀"}];
  const texts: [string, string][] = [
    ["c.csv", "city\nMálaga\nMélaga\n😀\n"],
    ["c.tsv", "city\r\nMálaga\r\nMélaga\r\n😀\r\n"],
    ["c.json", '[{"city":"Málaga"},{"city":"Mélaga"},{"city":"😀"}]'],
    ["c.jsonl", '{"city":"Málaga"}\n{"city":"Mélaga"}\n{"city":"😀"}\n']
  ];
  for (const [name, text] of texts) {
    for (const bytes of [
      [...BOM_LE, ...utf16le(text)],
      [...BOM_BE, ...utf16be(text)]
    ]) {
      const {table} = await readTable(file(bytes, name));
      assert.deepEqual(rows(table), cities, `${name}, BOM ${bytes[0]!.toString(16)}`);
    }
  }
});

test("readTable() reads UTF-8 with and without a byte-order mark, the mark not in the first name", async () => {
  const text = [...Buffer.from("id,city\n1,Málaga\n")];
  for (const bytes of [text, [0xef, 0xbb, 0xbf, ...text]]) {
    const {table} = await readTable(file(bytes, "u.csv"));
    assert.deepEqual(rows(table), [{id: 1, city: "Málaga"}]);
  }
});

test("readTable() refuses bytes that are not UTF-8 in TSV, JSON and JSONL too", async () => {
  // "a\tb\n1\tcaf" is bytes 0–8, Latin-1 "é" = 0xE9 at 9; '[{"a":"caf' is 0–9, so 0xE9 at 10; '{"a":1}\n{"a":"' 0–13.
  const cases: [string, number[], string][] = [
    [
      "x.tsv",
      [...Buffer.from("a\tb\n1\tcaf"), 0xe9, 0x0a],
      `byte 0xE9 at offset 9 (line 2, after "1\\tcaf")`
    ],
    [
      "x.json",
      [...Buffer.from('[{"a":"caf'), 0xe9, ...Buffer.from('"}]')],
      `byte 0xE9 at offset 10 (line 1, after "[{\\"a\\":\\"caf")`
    ],
    [
      "x.jsonl",
      [...Buffer.from('{"a":1}\n{"a":"'), 0x96, ...Buffer.from('"}\n')],
      `byte 0x96 at offset 14 (line 2, after "{\\"a\\":\\"")`
    ]
  ];
  for (const [name, bytes, where] of cases) {
    const text = await message(file(bytes, name));
    assert.ok(text.startsWith(`${name}: not UTF-8 text: ${where}; save it as UTF-8`), text);
  }
});

test("readTable() refuses a byte-order-marked UTF-16 file with an unpaired surrogate or an odd last byte", async () => {
  // After the mark (bytes 0–1), "a" is bytes 2–3 and the lone high surrogate D800 is at 4.
  const lone = file([...BOM_LE, 0x61, 0x00, 0x00, 0xd8, 0x62, 0x00], "s.csv");
  assert.equal(
    await message(lone),
    `s.csv: not UTF-16LE text (as its byte-order mark says): an unpaired surrogate at offset 4 (line 1, after "a")`
  );
  const odd = file([...BOM_BE, 0x00, 0x61, 0x00, 0x0a, 0x00], "o.csv");
  assert.equal(
    await message(odd),
    `o.csv: not UTF-16BE text (as its byte-order mark says): a last byte without its pair at offset 6 (line 2)`
  );
});

test("readTable() refuses a NUL: UTF-16 without a byte-order mark, or UTF-32, is valid UTF-8 only byte by byte", async () => {
  const tail = `: UTF-16 needs a byte-order mark and UTF-32 is not read; save it as UTF-8`;
  const noBom = file(utf16le("id,x\n1,2\n"), "n.csv"); // "i" 0x69 at 0, its high byte 0x00 at 1
  assert.equal(await message(noBom), `n.csv: not UTF-8 text: a NUL at offset 1 (line 1, after "i")${tail}`);
  const utf32 = file([...BOM_LE, 0, 0, 0x69, 0, 0, 0], "t.csv"); // UTF-32LE's mark is FF FE 00 00
  assert.equal(await message(utf32), `t.csv: not UTF-16LE text: a NUL at offset 2 (line 1)${tail}`);
});

test("readTable() sniffs JSON and JSONL behind a byte-order mark when the name has no extension", async () => {
  const json = file([0xef, 0xbb, 0xbf, ...Buffer.from('[{"a":1}]')], "data");
  assert.deepEqual(rows((await readTable(json)).table), [{a: 1}]);
  const jsonl = file([...BOM_LE, ...utf16le('{"a":1}\n{"a":2}\n')], "data");
  assert.deepEqual(rows((await readTable(jsonl)).table), [{a: 1}, {a: 2}]);
});

test("firstInvalidUtf8() finds the first byte of the first sequence Unicode's table 3-7 does not allow", () => {
  const at = (...bytes: number[]) => firstInvalidUtf8(new Uint8Array(bytes));
  assert.equal(at(0x61, 0xc3, 0xa1, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80), -1); // a á € 😀
  assert.equal(at(0x61, 0x80), 1); // a continuation byte with no lead
  assert.equal(at(0x61, 0xc0, 0x80), 1); // overlong NUL
  assert.equal(at(0x61, 0xc1, 0xbf), 1); // overlong
  assert.equal(at(0x61, 0x62, 0xe0, 0x9f, 0x80), 2); // overlong three-byte
  assert.equal(at(0xed, 0xa0, 0x80), 0); // a surrogate, D800
  assert.equal(at(0xed, 0x9f, 0xbf), -1); // U+D7FF, the last before the surrogates
  assert.equal(at(0xf0, 0x8f, 0xbf, 0xbf), 0); // overlong four-byte
  assert.equal(at(0xf4, 0x8f, 0xbf, 0xbf), -1); // U+10FFFF
  assert.equal(at(0xf4, 0x90, 0x80, 0x80), 0); // past U+10FFFF
  assert.equal(at(0x61, 0xf5, 0x80, 0x80, 0x80), 1); // F5–FF never occur
  assert.equal(at(0x61, 0xe2, 0x82), 1); // cut short at the end
  assert.equal(at(0xe2, 0x82, 0x61), 0); // cut short by ASCII
});

test("firstInvalidUtf8() agrees with TextDecoder's fatal UTF-8 on seeded random bytes, lead bytes favoured", () => {
  const random = new Random(7);
  const decoder = new TextDecoder("utf-8", {fatal: true});
  const valid = (bytes: Uint8Array) => {
    try {
      decoder.decode(bytes);
      return true;
    } catch {
      return false;
    }
  };
  for (let n = 0; n < 20_000; ++n) {
    // Half the bytes are leads (C0–FF) or continuations (80–BF), where the rules are.
    const bytes = Uint8Array.from({length: 1 + random.below(6)}, () =>
      random.float() < 0.5 ? 0x80 + random.below(128) : random.below(256)
    );
    const at = firstInvalidUtf8(bytes);
    assert.equal(at === -1, valid(bytes), `${[...bytes]}`);
    if (at >= 0)
      assert.ok(valid(bytes.subarray(0, at)) && !valid(bytes.subarray(0, at + 4)), `${[...bytes]}`);
  }
});
