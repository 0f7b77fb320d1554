/**
 * Calls visit(i) for each i < length whose bit offset + i of an Arrow validity bitmap is 0 (a null), in
 * ascending order, while visit returns true; whether every call did. A byte of eight valid rows (most bytes)
 * costs one load and one well-predicted branch; only the nulls are visited one by one.
 */
export function everyNull(
  bitmap: Uint8Array,
  offset: number,
  length: number,
  visit: (i: number) => boolean
): boolean {
  let i = 0;
  for (; i < length && ((offset + i) & 7) !== 0; ++i)
    if (!valid(bitmap, offset + i) && !visit(i)) return false;
  for (; i + 8 <= length; i += 8) {
    // The byte's zero bits, lowest first.
    for (let zeros = ~bitmap[(offset + i) >> 3]! & 0xff; zeros !== 0; zeros &= zeros - 1)
      if (!visit(i + 31 - Math.clz32(zeros & -zeros))) return false;
  }
  for (; i < length; ++i) if (!valid(bitmap, offset + i) && !visit(i)) return false;
  return true;
}

function valid(bitmap: Uint8Array, bit: number): boolean {
  return (bitmap[bit >> 3]! & (1 << (bit & 7))) !== 0;
}
