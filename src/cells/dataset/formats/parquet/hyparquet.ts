// The parts of hyparquet this reader builds on: metadata and schema, page headers, and (for columns other
// than embeddings) its column decoder. Its internal modules are importable through the package's
// "./src/*.js" export; the types it does not name we derive from the functions that use them.
import {readColumn} from "hyparquet/src/column.js";

export {parquetMetadata, parquetSchema} from "hyparquet";
export {parquetHeader, readColumn} from "hyparquet/src/column.js";
export {readRleBitPackedHybrid, byteStreamSplit} from "hyparquet/src/encoding.js";
export {getSchemaPath} from "hyparquet/src/schema.js";
export type {
  ColumnMetaData,
  CompressionCodec,
  DecodedArray,
  FileMetaData,
  PageHeader,
  SchemaElement,
  SchemaTree
} from "hyparquet";

/** What hyparquet's column decoder needs to know about a column. */
export type ColumnDecoder = Parameters<typeof readColumn>[2];
/** A byte cursor: a view and an offset into it. */
export type DataReader = Parameters<typeof readColumn>[0];
