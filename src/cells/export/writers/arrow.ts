import {tableToIPC, type Table} from "apache-arrow";

/** The Arrow IPC file format (Feather v2): every type and value kept as it is, dictionaries included. */
export function writeArrow(table: Table): Uint8Array {
  return tableToIPC(table, "file");
}
