import {EmbedError} from "../errors.ts";
import type {ProviderMethod} from "../options.ts";

const DEFAULT_ENV = "OPENAI_API_KEY";

/**
 * The API key: given at run time, else the environment variable in Node. Read from `process.env` by a
 * computed name, so that no bundler inlines it into a built page. Undefined means no Authorization header.
 */
export function apiKeyOf(method: ProviderMethod): string | undefined {
  if (method.apiKey) return method.apiKey;
  const name = method.apiKeyEnv ?? DEFAULT_ENV;
  const env = (globalThis as {process?: {env?: Record<string, string | undefined>}}).process?.env;
  const key = env?.[name];
  if (!key && method.apiKeyEnv !== undefined)
    throw new EmbedError("provider", `no API key: the environment variable ${name} is not set`);
  return key || undefined;
}

/**
 * The key as a header can carry it: surrounding whitespace (a pasted line break) dropped. A control or
 * non-ASCII character inside makes every request fail the same way, so it is an error now, not after retries.
 */
export function headerKey(key: string | undefined): string | undefined {
  const trimmed = key?.trim();
  if (trimmed && /[^\x20-\x7e]/.test(trimmed))
    throw new EmbedError("provider", "the API key holds a character an HTTP header cannot carry");
  return trimmed || undefined;
}

const KEYISH_MIN = 6;

/**
 * A message with the key taken out: the key itself, and any word sharing six or more characters with it
 * (servers echo keys partly, "Incorrect API key provided: sk-abc***xyz"); and the `user:password@` of any URL.
 */
export function redact(message: string, key: string | undefined): string {
  message = message.replace(/(\/\/)[^\s/?#@]*@/g, "$1[redacted]@");
  if (!key) return message;
  return message
    .split(key)
    .join("[redacted]")
    .replace(/\S+/g, (word) => (sharesRun(word, key) ? "[redacted]" : word));
}

function sharesRun(word: string, key: string): boolean {
  if (word.length < KEYISH_MIN) return false;
  for (let i = 0; i + KEYISH_MIN <= word.length; ++i)
    if (key.includes(word.slice(i, i + KEYISH_MIN))) return true;
  return false;
}
