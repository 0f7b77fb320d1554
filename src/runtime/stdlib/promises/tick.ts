import {when} from "./when.ts";

/**
 * Resolves to `value` at the next multiple of `duration` milliseconds since the epoch, so that cells
 * ticking at the same rate update together.
 */
export function tick(duration: number): Promise<void>;
export function tick<T>(duration: number, value: T): Promise<T>;
export function tick<T>(duration: number, value?: T): Promise<T | undefined> {
  return when(new Date((Math.floor(Date.now() / duration) + 1) * duration), value);
}
