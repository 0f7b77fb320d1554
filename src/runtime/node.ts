/**
 * The notebook runtime's Node-only part (`phoenix-notebook/runtime/node`): notebooks headless (in this thread,
 * or in a worker thread under a deadline), the dev server and the static build.
 */
export {defineHeadless, openNotebook} from "./headless/open-notebook.ts";
export type {HeadlessNotebook} from "./headless/open-notebook.ts";
export {NotebookRecorder} from "./headless/recorder.ts";
export type {CellReport, CellStatus} from "./headless/recorder.ts";
export {runNotebookThread} from "./headless/run-thread.ts";
export type {ThreadOptions, ThreadOutcome} from "./headless/run-thread.ts";
export type {CellResult} from "./headless/cell-result.ts";
export {startDevServer} from "./vite/dev-server.ts";
export type {DevServer, DevServerOptions} from "./vite/dev-server.ts";
export {buildSite, BuildError} from "./vite/build-site.ts";
export type {BuildSiteOptions, BuiltSite} from "./vite/build-site.ts";
export {createDuckDB} from "./sql/duckdb-node.ts";
export type {DuckDBOptions} from "./sql/duckdb-node.ts";
