/**
 * Bytes that can be read at any offset: a file on disk, a Blob, or a buffer already in memory. Parquet reads
 * its footer first and then one column chunk (or one page) at a time, so a file on disk is never held whole.
 */
export interface RandomAccess {
  /** Total size in bytes. */
  readonly size: number;
  /** True when every read is a view on one buffer already in memory (no copy, no await worth batching). */
  readonly inMemory: boolean;
  /**
   * Bytes [offset, offset + length), clamped to the end: a view in memory, else new bytes or, given `into`
   * (at least `length` long), the start of `into` filled in, so that a reader can reuse one buffer.
   */
  read(offset: number, length: number, into?: Uint8Array): Promise<Uint8Array>;
  /** Releases the file handle, if any. */
  close(): Promise<void>;
}

/** Random access over bytes in memory: reads are views, never copies. */
export function memoryAccess(bytes: Uint8Array): RandomAccess {
  return {
    size: bytes.byteLength,
    inMemory: true,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.byteLength, offset + length)),
    close: async () => {}
  };
}

/** Random access over a Blob (a browser File): each read slices the Blob, so the file is not loaded whole. */
export function blobAccess(blob: Blob): RandomAccess {
  return {
    size: blob.size,
    inMemory: false,
    async read(offset, length, into) {
      const bytes = new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
      if (!into) return bytes;
      into.set(bytes);
      return into.subarray(0, bytes.length);
    },
    close: async () => {}
  };
}

/** Every byte, as one array (for the formats read whole: Arrow IPC, CSV, JSON). */
export async function readAll(access: RandomAccess): Promise<Uint8Array> {
  return access.read(0, access.size);
}
