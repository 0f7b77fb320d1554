// Snappy decompression for Parquet pages. hyparquet's decoder copies byte by byte, which costs ~1.5 ns a
// byte: most of the time it takes to read an embedding column, whose floats snappy stores almost entirely as
// long literals. Here literals and non-overlapping copies are bulk copies (memcpy); only short or
// self-overlapping copies go byte by byte.

const SHORT = 16;

/** Decompresses a raw snappy block (no framing) into `output`, which must be exactly the uncompressed size. */
export function snappyDecompress(input: Uint8Array, output: Uint8Array): void {
  const end = input.length;
  let pos = 0;
  // The preamble: the uncompressed length as a varint, which the caller already knows.
  while (pos < end && input[pos++]! >= 0x80);
  let out = 0;
  while (pos < end) {
    const tag = input[pos++]!;
    let length: number;
    let offset: number;
    switch (tag & 3) {
      case 0: {
        length = (tag >>> 2) + 1;
        if (length > 60) {
          const bytes = length - 60;
          if (pos + bytes > end) throw new Error("snappy: truncated literal length");
          length = 0;
          for (let i = bytes - 1; i >= 0; --i) length = length * 256 + input[pos + i]!;
          length += 1;
          pos += bytes;
        }
        if (pos + length > end || out + length > output.length)
          throw new Error("snappy: literal out of bounds");
        if (length < SHORT) for (let i = 0; i < length; ++i) output[out + i] = input[pos + i]!;
        else output.set(input.subarray(pos, pos + length), out);
        pos += length;
        out += length;
        continue;
      }
      case 1:
        length = ((tag >>> 2) & 7) + 4;
        offset = ((tag >>> 5) << 8) | input[pos++]!;
        break;
      case 2:
        length = (tag >>> 2) + 1;
        offset = input[pos]! | (input[pos + 1]! << 8);
        pos += 2;
        break;
      default:
        length = (tag >>> 2) + 1;
        offset =
          (input[pos]! | (input[pos + 1]! << 8) | (input[pos + 2]! << 16) | (input[pos + 3]! << 24)) >>> 0;
        pos += 4;
    }
    if (pos > end) throw new Error("snappy: truncated copy");
    if (offset === 0 || offset > out || out + length > output.length)
      throw new Error("snappy: copy out of bounds");
    const from = out - offset;
    // An overlapping copy repeats a pattern (offset < length): it must go byte by byte, in order.
    if (length < SHORT || offset < length)
      for (let i = 0; i < length; ++i) output[out + i] = output[from + i]!;
    else output.copyWithin(out, from, from + length);
    out += length;
  }
  if (out !== output.length) throw new Error(`snappy: ${out} bytes for ${output.length}`);
}
