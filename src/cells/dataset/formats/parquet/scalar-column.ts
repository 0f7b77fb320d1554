import type {Data} from "apache-arrow";
import {assembleNested} from "hyparquet/src/assemble.js";
import {DEFAULT_PARSERS} from "hyparquet/src/convert.js";
import type {RandomAccess} from "../../sources/index.ts";
import {arrowData} from "../arrow-data.ts";
import type {Decompressor} from "./codecs.ts";
import type {ColumnPlan} from "./column-plan.ts";
import {readColumn, type ColumnDecoder, type ColumnMetaData, type DecodedArray} from "./hyparquet.ts";
import {chunkRange} from "./metadata.ts";

const decoder = new TextDecoder();
// Timestamps as the bigints stored (in the column's unit) and dates as day numbers, the integers Arrow's
// Timestamp and DateDay hold; JSON stays text; geometries stay bytes. (hyparquet would make Dates and objects.)
const nestedParsers: ColumnDecoder["parsers"] = {
  ...DEFAULT_PARSERS,
  timestampFromMilliseconds: (value: bigint) => value,
  timestampFromMicroseconds: (value: bigint) => value,
  timestampFromNanoseconds: (value: bigint) => value,
  dateFromDays: (days: number) => days,
  jsonFromBytes: (bytes: Uint8Array) => bytes && decoder.decode(bytes),
  geometryFromBytes: (bytes: Uint8Array) => bytes,
  geographyFromBytes: (bytes: Uint8Array) => bytes
};
// In flat columns strings stay UTF-8 bytes too, which become Arrow's Utf8 buffers as they are (arrowData).
const flatParsers: ColumnDecoder["parsers"] = {
  ...nestedParsers,
  stringFromBytes: (bytes: Uint8Array) => bytes,
  jsonFromBytes: (bytes: Uint8Array) => bytes
};

/** A flat or nested (non-float list) column, read with hyparquet's column decoder one row group at a time. */
export class ScalarColumnReader {
  readonly #chunks: DecodedArray[] = [];

  constructor(readonly plan: Extract<ColumnPlan, {kind: "flat" | "nested"}>) {}

  async readChunk(
    file: RandomAccess,
    meta: ColumnMetaData,
    rows: number,
    decompress: Decompressor
  ): Promise<void> {
    const {start, end} = chunkRange(meta);
    const bytes = await file.read(start, end - start);
    const nodes = this.plan.nodes;
    const columnDecoder: ColumnDecoder = {
      pathInSchema: meta.path_in_schema,
      type: meta.type,
      element: nodes.at(-1)!.element,
      schemaPath: nodes,
      codec: meta.codec,
      parsers: this.plan.kind === "flat" ? flatParsers : nestedParsers,
      compressors: {
        [meta.codec]: (input: Uint8Array, size: number) => decompress(input, new Uint8Array(size))
      },
      // Byte arrays without a string annotation are binary (pyarrow's `binary`), not text.
      utf8: false
    };
    const reader = {view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0};
    const select = {groupStart: 0, selectStart: 0, selectEnd: rows, groupRows: rows};
    const {data} = readColumn(reader, select, columnDecoder);
    if (this.plan.kind === "flat") {
      this.#chunks.push(...data);
      return;
    }
    // readColumn nests an array per optional or repeated level; hyparquet's assembler then folds the LIST
    // annotation's levels into one array per row, as its own reader does.
    const columns = new Map([[this.plan.path, data.flatMap((chunk) => Array.from(chunk) as unknown[])]]);
    assembleNested(columns, nodes[1]!, columnDecoder.parsers);
    this.#chunks.push(columns.get(this.plan.name) ?? []);
  }

  finish(): Data {
    return arrowData(this.plan.type, this.#chunks);
  }
}
