import type {CellMode} from "../../runtime/notebook/index.ts";

/** A cell's mode and source, and whether it is hidden (runs without showing anything). */
export type Source = readonly [CellMode, string, hidden?: boolean];
export const js = (source: string): Source => ["ojs", source];
/** A cell run for its effect: it returns nothing to show, and shown it would print "undefined". */
export const hiddenJs = (source: string): Source => ["ojs", source, true];
export const md = (source: string): Source => ["md", source];
