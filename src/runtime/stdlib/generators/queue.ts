import {generator, type Initialize, type ObservedGenerator} from "./observe.ts";

/** Like `observe`, but yields every notified value in order, buffering those not yet pulled. */
export function queue<T>(initialize: Initialize<T>): ObservedGenerator<T> {
  const buffer: T[] = [];
  let resolve: ((value: T) => void) | null = null;
  const dispose = initialize((value) => {
    if (resolve) {
      resolve(value);
      resolve = null;
    } else {
      buffer.push(value);
    }
    return value;
  });
  return generator(dispose, () =>
    buffer.length > 0 ? Promise.resolve(buffer.shift() as T) : new Promise<T>((r) => (resolve = r))
  );
}
