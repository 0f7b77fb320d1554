import {DatasetError} from "../errors.ts";

/** The encodings text tables are read in: UTF-8 (byte-order mark or not), and UTF-16 behind its mark. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be";

/** Characters of the line before a bad byte that an error quotes, to find it by eye. */
const CONTEXT = 20;

const SAVE_AS_UTF8 =
  'save it as UTF-8 (Excel: "CSV UTF-8") or convert it: iconv -f <its encoding, e.g. WINDOWS-1252> -t UTF-8';
const NUL_HINT = "UTF-16 needs a byte-order mark and UTF-32 is not read; save it as UTF-8";

/** UTF-16 LE or BE when the bytes start with its byte-order mark (FF FE, FE FF), else UTF-8. */
export function encodingOf(head: Uint8Array): TextEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return "utf-8";
}

/**
 * CSV, TSV, JSON or JSONL bytes as text: UTF-8, a byte-order mark dropped, or UTF-16 LE/BE behind its mark
 * (Excel's "Unicode text"). Anything else is a DatasetError naming the offset and line of the first bad
 * byte, never a guess: decoding Latin-1 as UTF-8 anyway turns "Málaga" and "Mélaga" both into "M\uFFFDlaga".
 * A NUL is refused too: UTF-16 without its mark and UTF-32 are valid UTF-8 byte by byte, NULs between
 * the letters.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  const encoding = encodingOf(bytes);
  let text: string;
  try {
    text = new TextDecoder(encoding, {fatal: true}).decode(bytes);
  } catch (error) {
    throw new DatasetError(name, [{message: invalidMessage(bytes, encoding)}], {cause: error});
  }
  const nul = text.indexOf("\0");
  if (nul >= 0) {
    // The decoder dropped the byte-order mark; past it, UTF-16 takes 2 bytes a code unit.
    const at =
      markLength(bytes, encoding) + (encoding === "utf-8" ? utf8Length(text.slice(0, nul)) : 2 * nul);
    const what = encoding === "utf-8" ? "UTF-8" : label(encoding);
    const message = `not ${what} text: a NUL at ${where(bytes, encoding, at)}: ${NUL_HINT}`;
    throw new DatasetError(name, [{message}]);
  }
  return text;
}

function invalidMessage(bytes: Uint8Array, encoding: TextEncoding): string {
  if (encoding === "utf-8") {
    const at = firstInvalidUtf8(bytes);
    const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, "0");
    return `not UTF-8 text: byte 0x${byte} at ${where(bytes, encoding, at)}; ${SAVE_AS_UTF8}`;
  }
  const at = firstInvalidUtf16(bytes, encoding === "utf-16be");
  const what = at === bytes.length - 1 ? "a last byte without its pair" : "an unpaired surrogate";
  return `not ${label(encoding)} text (as its byte-order mark says): ${what} at ${where(bytes, encoding, at)}`;
}

/** `offset 35 (line 2, after "…Z,M")`: the line counted from 1, and the end of its text before the offset. */
function where(bytes: Uint8Array, encoding: TextEncoding, offset: number): string {
  const before = new TextDecoder(encoding).decode(bytes.subarray(0, offset));
  const lineStart = before.lastIndexOf("\n") + 1;
  const line = before.slice(0, lineStart).split("\n").length;
  const text = before.slice(lineStart);
  const context = text.length > CONTEXT ? `…${text.slice(-CONTEXT)}` : text;
  return `offset ${offset} (line ${line}${context ? `, after ${JSON.stringify(context)}` : ""})`;
}

function label(encoding: "utf-16le" | "utf-16be"): string {
  return encoding === "utf-16le" ? "UTF-16LE" : "UTF-16BE";
}

function markLength(bytes: Uint8Array, encoding: TextEncoding): number {
  if (encoding !== "utf-8") return 2;
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * The offset of the first byte that does not begin a well-formed UTF-8 sequence (Unicode's table 3-7:
 * no overlong forms, no surrogates, nothing past U+10FFFF, none cut short), or -1 when every one is.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // How many continuation bytes follow, and the range of the first (the rest are 80–BF).
    let count: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) count = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      count = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      count = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    if (i + count >= bytes.length) return i;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k <= count; ++k) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += count + 1;
  }
  return -1;
}

/** The offset of the first unpaired surrogate after the byte-order mark, or of an odd last byte; -1 if none. */
function firstInvalidUtf16(bytes: Uint8Array, bigEndian: boolean): number {
  const unit = (i: number) =>
    bigEndian ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]! | (bytes[i + 1]! << 8);
  let i = 2;
  for (; i + 1 < bytes.length; i += 2) {
    const code = unit(i);
    if (code >= 0xdc00 && code <= 0xdfff) return i;
    if (code >= 0xd800 && code <= 0xdbff) {
      if (i + 3 >= bytes.length) return i;
      const next = unit(i + 2);
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return i < bytes.length ? i : -1;
}
