import {observe, type ObservedGenerator} from "./generators/observe.ts";

/**
 * The state behind `mutable x = initial`. The compiler defines "mutable x" as `new Mutable(initial)` and
 * "x" as `(mutable x).generator`, and rewrites `mutable x` in other cells to this object, so that an
 * assignment `mutable x = v` (the `value` setter) makes "x" and its dependents recompute.
 */
export class Mutable<T> {
  #value: T;
  readonly #notifiers = new Set<(value: T) => T>();

  constructor(initial: T) {
    this.#value = initial;
  }

  get value(): T {
    return this.#value;
  }

  set value(value: T) {
    this.#value = value;
    for (const notify of this.#notifiers) notify(value);
  }

  /**
   * A generator of the current value, then of each value set. Each read starts a new generator, so a
   * cell re-evaluated with the same Mutable gets a live one; return() stops it.
   */
  get generator(): ObservedGenerator<T> {
    return observe<T>((notify) => {
      notify(this.#value);
      this.#notifiers.add(notify);
      return () => void this.#notifiers.delete(notify);
    });
  }
}
