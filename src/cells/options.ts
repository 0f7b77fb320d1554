/**
 * Every key an options type may have, each mapped to `true`. Declared as an object literal beside the type, so
 * that the compiler rejects a key the type lacks and a key of the type left out: the list cannot drift.
 */
export type OptionKeys<T> = {readonly [K in keyof T]-?: true};

/**
 * Rejects option keys that `fn` does not know, naming the closest known one:
 * `px.embeddingDrift: unknown option "embeding" (did you mean "embedding"?)`. A misspelled option would
 * otherwise be ignored and its default used in silence. Undefined options pass (every option left out).
 * `path` names a nested options object (`"timeRange"`), so that a key is reported where it was written.
 *
 * @param fn - The function as the user calls it, opening every message: `"px.project"`.
 * @param options - The options as passed. Undefined passes; anything but a plain object is a TypeError.
 * @param known - Every key of the options type, each mapped to `true`: an `OptionKeys<T>` beside the type.
 * @param path - Where a nested options object sits in its parent (`"timeRange"`, `"method"`), written before
 *   the key in the message. Default: none (the options themselves).
 */
export function checkOptions<T>(
  fn: string,
  options: T | undefined,
  known: OptionKeys<T>,
  path?: string
): void {
  if (options === undefined) return;
  if (options === null || typeof options !== "object" || Array.isArray(options))
    throw new TypeError(`${fn}: ${path ?? "options"} must be an object, not ${describe(options)}`);
  const names = Object.keys(known);
  for (const key of Object.keys(options)) {
    if (names.includes(key)) continue;
    const closest = closestNames(key, names);
    throw new TypeError(
      `${fn}: unknown option ${JSON.stringify(path === undefined ? key : `${path}.${key}`)} ` +
        (closest.length ? `(did you mean ${either(closest)}?)` : `(expected ${either(names)})`)
    );
  }
}

/**
 * The known names nearest to `key` by edit distance (case ignored), all of them when several tie, none when
 * the nearest is too far to be a slip.
 */
export function closestNames(key: string, names: readonly string[]): string[] {
  const distances = names.map((name) => editDistance(key.toLowerCase(), name.toLowerCase()));
  const best = Math.min(...distances);
  // A slip changes a few letters; beyond a third of the word (at least 2) it is another word.
  if (!(best <= Math.max(2, Math.floor(key.length / 3)))) return [];
  return names.filter((_, i) => distances[i] === best);
}

// Levenshtein distance, one row at a time.
function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; ++i) {
    const current = [i];
    for (let j = 1; j <= b.length; ++j) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}

// "a", "b" or "c"
function either(names: readonly string[]): string {
  const quoted = names.map((name) => JSON.stringify(name));
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)!}` : quoted.join("");
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
