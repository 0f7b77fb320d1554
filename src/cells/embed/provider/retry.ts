import type {Random} from "../../random.ts";

/** The longest wait before a retry, whatever the server asks: a notebook should fail rather than hang. */
export const MAX_RETRY_DELAY_MS = 60_000;

/** Whether a status is worth retrying: rate limits and server errors, not the client's mistakes. */
export function retryable(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

/**
 * How long to wait before retry `attempt` (0-based): what the server asked for (`retry-after-ms`, as Azure
 * sends, or `Retry-After` in seconds or as an HTTP date), else exponential backoff from `baseMs` with jitter
 * in [50%, 100%) drawn from `random`, so that parallel requests that failed together do not retry together.
 */
export function retryDelay(
  attempt: number,
  baseMs: number,
  headers: Headers | undefined,
  random: Random
): number {
  const asked = askedDelay(headers);
  const delay = asked ?? baseMs * 2 ** attempt * (0.5 + 0.5 * random.float());
  return Math.min(MAX_RETRY_DELAY_MS, Math.max(0, delay));
}

function askedDelay(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get("retry-after-ms") ?? NaN);
  if (Number.isFinite(ms)) return ms;
  const after = headers?.get("retry-after");
  if (!after) return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(after);
  return Number.isFinite(date) ? date - Date.now() : undefined;
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, {once: true});
  });
}
