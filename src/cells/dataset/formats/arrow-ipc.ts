import {tableFromIPC, type Table} from "apache-arrow";
import {DatasetError} from "../errors.ts";
import {errorMessage} from "../sources/index.ts";

/**
 * Reads an Arrow IPC file or stream (apache-arrow tells them apart by their first bytes). The table's
 * buffers are views on `bytes`: nothing is copied.
 */
export function readArrowIpc(bytes: Uint8Array, name: string): Table {
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    throw new DatasetError(name, [{message: `not a valid Arrow IPC file (${errorMessage(error)})`}], {
      cause: error
    });
  }
  // The reader accepts bytes with no schema message at all (a table with no columns): that is no Arrow file.
  if (table.schema.fields.length === 0)
    throw new DatasetError(name, [{message: "not a valid Arrow IPC file (no schema)"}]);
  return table;
}
