import type {CompressionCodec} from "./hyparquet.ts";
import {snappyDecompress} from "./snappy.ts";

/**
 * Decompresses one page. `output` has exactly the uncompressed size; the result is `output` filled in, or
 * another array of that size (native decoders allocate their own).
 */
export type Decompressor = (input: Uint8Array, output: Uint8Array) => Uint8Array;

const isNode = typeof process === "object" && typeof process.versions?.node === "string";

/**
 * The decompressors for the codecs a file uses. Snappy (Parquet's default) is built in; in Node, GZIP and
 * BROTLI use node:zlib; ZSTD and LZ4, and GZIP and BROTLI in a browser, come from hyparquet-compressors,
 * loaded only when a file needs them. Codecs missing from the result are not supported (LZO).
 */
export async function loadDecompressors(
  codecs: Iterable<CompressionCodec>
): Promise<Map<CompressionCodec, Decompressor>> {
  const wanted = new Set(codecs);
  const result = new Map<CompressionCodec, Decompressor>();
  result.set("UNCOMPRESSED", (input) => input);
  result.set("SNAPPY", (input, output) => (snappyDecompress(input, output), output));
  const zlib = isNode && (wanted.has("GZIP") || wanted.has("BROTLI")) ? await import("node:zlib") : undefined;
  const needsPackage = ["ZSTD", "LZ4", "LZ4_RAW"].some((codec) => wanted.has(codec as CompressionCodec));
  const js =
    needsPackage || (!zlib && (wanted.has("GZIP") || wanted.has("BROTLI")))
      ? await import("hyparquet-compressors")
      : undefined;
  if (zlib) {
    result.set("GZIP", (input) => zlib.gunzipSync(input));
    result.set("BROTLI", (input) => zlib.brotliDecompressSync(input));
  } else if (js) {
    result.set("GZIP", (input, output) => js.gunzip(input, output));
    result.set("BROTLI", (input, output) => js.decompressBrotli(input, output.length));
  }
  if (js) {
    result.set("ZSTD", (input, output) => js.decompressZstd(input, output));
    result.set("LZ4", (input, output) => js.decompressLz4(input, output.length));
    result.set("LZ4_RAW", (input, output) => js.decompressLz4Raw(input, output.length));
  }
  return result;
}
