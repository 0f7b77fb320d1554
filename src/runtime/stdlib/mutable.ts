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

/** What Notebook Kit's `Mutable(initial)` returns: a generator of the value, whose `value` property sets it. */
export type MutableGenerator<T> = ObservedGenerator<T> & {value: T};

/**
 * The builtin `Mutable`. `new Mutable(initial)` is the state behind `mutable x` (as the compiler uses it);
 * called without `new`, as Notebook Kit's JavaScript cells do (`const selection = Mutable([])`), it returns
 * a generator of the value that the cell's own code sets through `.value`: the runtime follows the
 * generator, so the cells that read `selection` recompute on each assignment.
 */
export const MutableBuiltin = function <T>(this: unknown, initial: T): Mutable<T> | MutableGenerator<T> {
  const state = new Mutable(initial);
  if (new.target) return state;
  return Object.defineProperty(state.generator, "value", {
    get: () => state.value,
    set: (value: T) => void (state.value = value)
  }) as MutableGenerator<T>;
} as unknown as {new <T>(initial: T): Mutable<T>; <T>(initial: T): MutableGenerator<T>};
