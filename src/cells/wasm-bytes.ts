// The pieces of the WebAssembly binary format that the hand-assembled kernels (UMAP's distances, drift's row
// sums) are written with: no toolchain is needed to build them, and their bytes are reviewable in the source.

/** An unsigned LEB128 number, as the binary format writes sizes, counts and indices. */
export function unsigned(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    bytes.push(byte);
  } while (value);
  return bytes;
}

/** A name (ASCII): its length, then its bytes. */
export const name = (text: string): number[] => [text.length, ...Array.from(text, (c) => c.charCodeAt(0))];

/** A section: its id, its size, its content. */
export const section = (id: number, content: number[]): number[] => [
  id,
  ...unsigned(content.length),
  ...content
];
