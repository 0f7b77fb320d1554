/**
 * An Observable-style generator: a synchronous iterator whose values are promises of the latest value.
 * The runtime pulls it once per frame; `return()` (called when the cell is invalidated) runs the disposer
 * at once, which an async generator cannot do while it awaits its next event.
 */
export interface ObservedGenerator<T> {
  next(): IteratorResult<Promise<T>, undefined>;
  return(): IteratorReturnResult<undefined>;
  throw(error?: unknown): IteratorReturnResult<undefined>;
  [Symbol.iterator](): ObservedGenerator<T>;
}

/** Called by `observe` and `queue` to start producing values; may return a function that stops. */
export type Initialize<T> = (notify: (value: T) => T) => (() => void) | void;

/**
 * A generator of the latest value passed to `notify`: values notified between two pulls collapse into the
 * last one, so a slow consumer never falls behind.
 */
export function observe<T>(initialize: Initialize<T>): ObservedGenerator<T> {
  let latest: T;
  let stale = false; // a value was notified that no pull has taken yet
  let resolve: ((value: T) => void) | null = null;
  const dispose = initialize((value) => {
    latest = value;
    if (resolve) {
      resolve(value);
      resolve = null;
    } else {
      stale = true;
    }
    return value;
  });
  return generator(dispose, () => {
    if (!stale) return new Promise<T>((r) => (resolve = r));
    stale = false;
    return Promise.resolve(latest);
  });
}

/** Wraps a pull function as an ObservedGenerator that stops, disposing once, on return() or throw(). */
export function generator<T>(dispose: (() => void) | void, pull: () => Promise<T>): ObservedGenerator<T> {
  let done = false;
  const stop = (): IteratorReturnResult<undefined> => {
    if (!done) {
      done = true;
      dispose?.();
    }
    return {done: true, value: undefined};
  };
  const self: ObservedGenerator<T> = {
    next: () => (done ? {done: true, value: undefined} : {done: false, value: pull()}),
    return: stop,
    throw: stop,
    [Symbol.iterator]: () => self
  };
  return self;
}
