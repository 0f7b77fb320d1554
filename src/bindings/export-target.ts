import type {ExportFile} from "../index.ts";

/**
 * Where `px.exportRows` puts its file in a notebook: the headless runner writes it to disk, the page offers it
 * as a download. What `deliver` returns is the cell's value.
 */
export interface ExportTarget {
  /** `invalidation` resolves when the cell that exported reruns or goes: what it held can be released. */
  deliver(file: ExportFile, invalidation: Promise<void>): Promise<unknown>;
}

/** An export as a cell shows it: what was exported, without the bytes. */
export function describeExport(file: ExportFile): {
  fileName: string;
  format: string;
  rows: number;
  bytes: number;
} {
  return {fileName: file.fileName, format: file.format, rows: file.rows, bytes: file.bytes.byteLength};
}

/** A download link for an export (the page's target): the user decides when to save it. */
export const downloadTarget: ExportTarget = {
  async deliver(file, invalidation) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], {type: file.mimeType}));
    void invalidation.then(() => URL.revokeObjectURL(link.href)); // or every rerun would keep its file alive
    link.download = file.fileName;
    link.textContent = `Download ${file.fileName} (${file.rows} rows)`;
    link.className = "phx-export";
    return link;
  }
};
