/**
 * phoenix-notebook's Node-only surface (`phoenix-notebook/node`): what needs the file system, kept out of the
 * main index so that pages never bundle it.
 */

// export: write an export file into a folder, never overwriting one that exists
export {saveExport} from "./cells/export/save-node.ts";
