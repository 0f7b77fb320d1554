/**
 * The notebook runtime on its own (`phoenix-notebook/runtime`): the file format, the reactive runtime and its
 * builtins, workers, plugins. It knows nothing of Phoenix; px and phx join it as a NotebookPlugin. Runs in a
 * page and in Node; what needs Node alone (the headless runner, the dev server, the build) is in
 * `phoenix-notebook/runtime/node`.
 */
export * from "./notebook/index.ts";
export * from "./define/index.ts";
export {CellError} from "./cell-error.ts";
// NotebookRuntime takes its compiler: compileCells parses in place (the parser comes with it); a built page
// realizes what the build compiled instead.
export {compileCells} from "./compile/compile-cell.ts";
export type {CellCompiler} from "./compile/types.ts";
export {BUILTIN_NAMES, createBuiltins, createFileAttachment, md, Mutable} from "./stdlib/index.ts";
export type {
  BuiltinName,
  BuiltinsOptions,
  FileAttachment,
  FileAttachmentFactory,
  FileAttachmentOptions,
  SQLiteDatabaseClient,
  StyledLibrary,
  Workbook,
  ZipArchive
} from "./stdlib/index.ts";
export {invalidationSignal} from "./stdlib/invalidation-signal.ts";
export {pluginBuiltins} from "./plugin.ts";
export type {NotebookPlugin, PluginContext} from "./plugin.ts";
export * from "./worker/index.ts";
export {SqlError} from "./sql/database.ts";
export type {SqlDatabase, SqlEngine, SqlQueryOptions} from "./sql/database.ts";
