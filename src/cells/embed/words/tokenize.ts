// Letters and digits, with inner apostrophes and hyphens kept for the rules below ("don't", "well-known").
const TOKEN = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;
// GloVe's corpus was tokenized the Penn Treebank way ("can't" → "ca" "n't"); its vocabulary as packaged has
// no "n't" or "'s", so a negation is kept as "not" and the other clitics are dropped (they carry little).
const NEGATED = /^(.+)n't$/;
const CLITIC = /^(.+)'(?:s|re|ve|ll|d|m)$/;
const NEGATED_STEMS: Readonly<Record<string, string>> = {ca: "can", wo: "will", sha: "shall", ai: "am"};

/**
 * Splits text into GloVe's tokens: lowercase, accents removed (GloVe 6B's vocabulary is ASCII), split on
 * anything but letters and digits. Clitics as above; a hyphenated compound stays whole when `known` has it
 * ("well-known"), else becomes its parts; any other apostrophe splits ("o'brien" → "o", "brien").
 */
export function tokenize(text: string, known: (word: string) => boolean): string[] {
  const normalized = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'");
  const tokens: string[] = [];
  const pushWord = (word: string) => {
    if (word.includes("-") && !known(word)) {
      for (const part of word.split("-")) if (part) tokens.push(part);
    } else if (word) tokens.push(word);
  };
  for (const [match] of normalized.matchAll(TOKEN)) {
    if (!match.includes("'")) {
      pushWord(match);
      continue;
    }
    const negated = NEGATED.exec(match);
    const word = negated ? (NEGATED_STEMS[negated[1]!] ?? negated[1]!) : (CLITIC.exec(match)?.[1] ?? match);
    if (word.includes("'") && !known(word)) for (const part of word.split("'")) pushWord(part);
    else pushWord(word);
    if (negated) tokens.push("not");
  }
  return tokens;
}
