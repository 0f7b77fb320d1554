import * as Generators from "./generators/index.ts";
import * as Promises from "./promises/index.ts";

export {
  BUILTIN_NAMES,
  createBuiltins,
  type BuiltinName,
  type BuiltinsOptions,
  type StyledLibrary
} from "./builtins.ts";
export {createFileAttachment} from "./file-attachment.ts";
export {md} from "./md.ts";
export {Mutable} from "./mutable.ts";
export {Generators, Promises};
export type {
  DsvOptions,
  FileAttachment,
  FileAttachmentFactory,
  FileAttachmentOptions,
  TypedRow
} from "./file-attachment.ts";
export type {SheetOptions, SheetRows, Workbook} from "./xlsx.ts";
export type {ZipArchive} from "./zip.ts";
export type {ColumnDescription, QueryRows, SQLiteDatabaseClient} from "./sqlite.ts";
export {FileAttachmentError, notebookUrlResolver, type FileSource} from "./file-source.ts";
export type {ObservedGenerator} from "./generators/index.ts";
