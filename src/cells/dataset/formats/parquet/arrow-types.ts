// The Arrow type a flat Parquet column becomes: the mapping FileAttachment.parquet() uses too (src/arrow).
export {parquetArrowType as arrowType} from "../../../../arrow/parquet-types.ts";
