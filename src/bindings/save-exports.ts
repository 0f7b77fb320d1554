import {mkdir} from "node:fs/promises";
import {saveExport} from "../node.ts";
import {describeExport, type ExportTarget} from "./export-target.ts";

/** The runner's export target: files go to `directory` (created on first use); the cell shows the path. */
export function saveExportsTo(directory: string): ExportTarget {
  return {
    async deliver(file) {
      await mkdir(directory, {recursive: true});
      return {...describeExport(file), path: await saveExport(file, directory)};
    }
  };
}
