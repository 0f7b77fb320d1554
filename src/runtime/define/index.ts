export {NotebookRuntime} from "./notebook-runtime.ts";
export type {NotebookRuntimeOptions, UpdateSummary} from "./notebook-runtime.ts";
export type {CellObserver, NotebookHost} from "./observer.ts";
export {cellScoped, isCellScoped} from "./cell-context.ts";
export type {CellContext, CellScoped} from "./cell-context.ts";
