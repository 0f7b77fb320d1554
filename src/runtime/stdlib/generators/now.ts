import {generator, observe, type ObservedGenerator} from "./observe.ts";

/**
 * A generator of `Date.now()`. Without an interval it yields on every pull, so the runtime paces it (once
 * per animation frame in a browser); with one, it yields every `interval` milliseconds until return().
 */
export function now(interval?: number): ObservedGenerator<number> {
  if (interval === undefined) return generator(undefined, () => Promise.resolve(Date.now()));
  if (!(interval > 0)) throw new RangeError(`invalid now interval: ${interval} (expected milliseconds > 0)`);
  return observe((notify) => {
    notify(Date.now());
    const timer = setInterval(() => notify(Date.now()), interval);
    return () => clearInterval(timer);
  });
}
