// setTimeout fires at once for delays above 2^31 - 1 ms (about 24.8 days); wait in steps no longer.
const MAX_DELAY = 2 ** 31 - 1;

/** Resolves to `value` at `date` (at once if it has passed). */
export function when(date: Date | number): Promise<void>;
export function when<T>(date: Date | number, value: T): Promise<T>;
export function when<T>(date: Date | number, value?: T): Promise<T | undefined> {
  const time = +date;
  return new Promise((resolve) => {
    const wait = () => {
      const remaining = time - Date.now();
      if (remaining > 0) setTimeout(wait, Math.min(remaining, MAX_DELAY));
      else resolve(value);
    };
    wait();
  });
}
