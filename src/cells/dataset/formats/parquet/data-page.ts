import type {PageHeader} from "./hyparquet.ts";

/** Where a data page keeps its levels and values, once decompressed. */
export interface DataPage {
  /** Level slots (values and nulls). */
  readonly count: number;
  readonly encoding: string;
  /** The bytes holding both level runs, and each one's [start, end) in them. */
  readonly levels: Uint8Array;
  readonly rep: readonly [number, number];
  readonly def: readonly [number, number];
  /** The bytes holding the values, from `at`. */
  readonly values: Uint8Array;
  readonly at: number;
}

/** Decompresses `size` bytes of a page (into a buffer it may reuse). */
export type PageDecompressor = (input: Uint8Array, size: number) => Uint8Array;

/**
 * A data page's layout (version 1 or 2); undefined for other pages (dictionary, index). `levels` says which
 * level runs the column has: repetition levels only in lists, definition levels only where values can be null.
 */
export function dataPage(
  header: PageHeader,
  bytes: Uint8Array,
  decompress: PageDecompressor,
  levels: {readonly rep: boolean; readonly def: boolean}
): DataPage | undefined {
  if (header.type === "DATA_PAGE") {
    const {num_values: count, encoding, definition_level_encoding: levelEncoding} = header.data_page_header!;
    if (levelEncoding !== "RLE") throw new Error(`unsupported level encoding ${levelEncoding}`);
    // Version 1: each level run behind its byte length, then the values; all compressed together.
    const page = decompress(bytes, header.uncompressed_page_size);
    const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
    const repStart = levels.rep ? 4 : 0;
    const repEnd = levels.rep ? 4 + view.getUint32(0, true) : 0;
    const defStart = levels.def ? repEnd + 4 : repEnd;
    const defEnd = levels.def ? defStart + view.getUint32(repEnd, true) : repEnd;
    const at = defEnd;
    return {
      count,
      encoding,
      levels: page,
      rep: [repStart, repEnd],
      def: [defStart, defEnd],
      values: page,
      at
    };
  }
  if (header.type === "DATA_PAGE_V2") {
    const v2 = header.data_page_header_v2!;
    // Version 2: the level runs stand uncompressed, their lengths in the header, before the values.
    const repEnd = v2.repetition_levels_byte_length;
    const defEnd = repEnd + v2.definition_levels_byte_length;
    let values = bytes.subarray(defEnd);
    if (v2.is_compressed !== false) values = decompress(values, header.uncompressed_page_size - defEnd);
    return {
      count: v2.num_values,
      encoding: v2.encoding,
      levels: bytes,
      rep: [0, repEnd],
      def: [repEnd, defEnd],
      values,
      at: 0
    };
  }
  return undefined;
}
