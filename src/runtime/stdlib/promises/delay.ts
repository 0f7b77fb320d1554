/** Resolves to `value` after `duration` milliseconds. */
export function delay(duration: number): Promise<void>;
export function delay<T>(duration: number, value: T): Promise<T>;
export function delay<T>(duration: number, value?: T): Promise<T | undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(value), duration));
}
