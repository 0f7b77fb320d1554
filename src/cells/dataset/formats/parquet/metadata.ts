import {DatasetError} from "../../errors.ts";
import type {RandomAccess} from "../../sources/index.ts";
import {errorMessage} from "../../sources/index.ts";
import {parquetMetadata, type ColumnMetaData, type FileMetaData} from "./hyparquet.ts";

// Most footers fit in the last 512 KiB; a larger one costs a second read.
const FOOTER_GUESS = 1 << 19;
const PAR1 = 0x31524150;

/** Reads and parses a Parquet file's footer; anything that is not one is a DatasetError naming the file. */
export async function readMetadata(file: RandomAccess, name: string): Promise<FileMetaData> {
  const invalid = (why: string, cause?: unknown) =>
    new DatasetError(name, [{message: `not a valid Parquet file (${why})`}], cause ? {cause} : undefined);
  if (file.size < 12) throw invalid("too short");
  const head = await file.read(0, 4);
  if (view(head).getUint32(0, true) !== PAR1) throw invalid("no PAR1 header");
  let tail = await file.read(Math.max(0, file.size - FOOTER_GUESS), Math.min(file.size, FOOTER_GUESS));
  const tailView = view(tail);
  if (tailView.getUint32(tail.length - 4, true) !== PAR1) throw invalid("no PAR1 footer");
  const length = tailView.getUint32(tail.length - 8, true) + 8;
  if (length > file.size - 4) throw invalid(`footer of ${length} bytes in a file of ${file.size}`);
  if (length > tail.length) tail = await file.read(file.size - length, length);
  try {
    return parquetMetadata(tail.subarray(tail.length - length), {geoparquet: false});
  } catch (error) {
    throw invalid(errorMessage(error), error);
  }
}

/** The file byte range [start, end) of one column chunk, its dictionary page included. */
export function chunkRange(meta: ColumnMetaData): {start: number; end: number} {
  // Some writers (polars) leave dictionary_page_offset at 0 while the dictionary precedes the data pages.
  const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
  return {start, end: start + Number(meta.total_compressed_size)};
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
