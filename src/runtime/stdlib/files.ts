/**
 * The `Files` builtin, as in Observable's standard library: reads a File or Blob a cell was given (from
 * `Inputs.file`, a drop, a fetch), where FileAttachment reads the notebook's own files.
 */
export const Files = {
  /** The blob's bytes. */
  buffer: (file: Blob): Promise<ArrayBuffer> => file.arrayBuffer(),
  /** The blob's text, decoded as UTF-8. */
  text: (file: Blob): Promise<string> => file.text(),
  /** A data: URL of the blob, with its type (application/octet-stream when it has none), as FileReader makes. */
  url: (file: Blob): Promise<string> => dataUrl(file)
} as const;

/** A data: URL holding a blob's bytes, base64-encoded. */
export async function dataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  // btoa takes a "binary string" (one character per byte); built in slices, as a huge argument list overflows.
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return `data:${blob.type || "application/octet-stream"};base64,${btoa(binary)}`;
}
