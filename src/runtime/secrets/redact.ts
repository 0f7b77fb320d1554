/** What a secret is replaced with. */
export const REDACTED = "[redacted]";

/** Shorter secrets are not hunted inside other text: a 3-letter password would blank every word holding it. */
const MIN_SECRET = 4;
/** A word sharing this many consecutive characters with a secret is a partial echo of it (a prefix, a slice). */
const MIN_RUN = 8;

// Key shapes redacted whatever the notebook holds: what a server or a library echoes back.
const GENERIC: readonly [RegExp, string][] = [
  // the user:password@ of a URL (fetch quotes the whole URL when it refuses one)
  [/(\/\/)[^\s/?#@]+@/g, `$1${REDACTED}@`],
  // a credential in a query string: ?api-key=…, &token=…
  [/([?&](?:api[_-]?key|key|token|access_token|secret|password)=)[^\s&#]+/gi, `$1${REDACTED}`],
  // an Authorization header's value
  [/\b(Bearer|Basic)\s+[\w.~+/=-]{8,}/g, `$1 ${REDACTED}`],
  // OpenAI-style keys: sk-…, sk-proj-…
  [/\bsk-[\w-]{16,}/g, REDACTED]
];

// A masked echo, a key's ends around asterisks ("sk-PR***cdef", "sk-proj-****abcd"): a run of word characters
// and asterisks holding three asterisks in a row and a word character. Found as whole runs, then checked: a
// pattern with a word part before the asterisks backtracked at every position of a long word without any
// (80,000 characters took 4.6 s).
const MASK_RUN = /[\w*-]+/g;
const isMask = (run: string) => run.includes("***") && /[\w-]/.test(run);

// What counts as one word when looking for partial echoes: quotes, brackets and separators end it.
const WORD = /[^\s"'`()<>[\]{},;]+/g;

/**
 * `text` with every secret taken out: each of `secrets` (the values of the notebook's password inputs) and any
 * word sharing eight characters in a row with one; then, whatever the secrets, URL credentials, key-like query
 * parameters, Bearer tokens, `sk-` keys and masked echoes of keys.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  const hunted = [...new Set(secrets)]
    .filter((s) => s.length >= MIN_SECRET)
    .sort((a, b) => b.length - a.length);
  for (const secret of hunted) text = text.split(secret).join(REDACTED);
  const long = hunted.filter((secret) => secret.length >= MIN_RUN);
  if (long.length)
    text = text.replace(WORD, (word) => (long.some((s) => sharesRun(word, s)) ? REDACTED : word));
  for (const [pattern, replacement] of GENERIC) text = text.replace(pattern, replacement);
  if (text.includes("***")) text = text.replace(MASK_RUN, (run) => (isMask(run) ? REDACTED : run));
  return text;
}

function sharesRun(word: string, secret: string): boolean {
  for (let i = 0; i + MIN_RUN <= word.length; ++i)
    if (secret.includes(word.slice(i, i + MIN_RUN))) return true;
  return false;
}
