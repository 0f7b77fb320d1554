/**
 * The buffers to transfer along with `value` rather than copy: those of typed arrays and ArrayBuffers at the
 * top level or one level into a plain object or array (how task results are shaped). Shared buffers are
 * skipped: they are shared, not moved.
 */
export function collectTransferables(value: unknown): Transferable[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (item: unknown): void => {
    if (item instanceof ArrayBuffer) buffers.add(item);
    else if (ArrayBuffer.isView(item) && item.buffer instanceof ArrayBuffer) buffers.add(item.buffer);
  };
  visit(value);
  if (Array.isArray(value)) value.forEach(visit);
  else if (isPlainObject(value)) Object.values(value).forEach(visit);
  return [...buffers];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
