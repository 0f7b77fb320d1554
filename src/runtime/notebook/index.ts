export {parseNotebook} from "./parse.ts";
export {serializeNotebook} from "./serialize.ts";
export {NotebookFormatError} from "./errors.ts";
export {CellId, cellTypes} from "./types.ts";
export type {Cell, CellMode, Notebook} from "./types.ts";
