/**
 * Text from the data (a column or file name) for a Markdown code span, which shows it as it is: on one line
 * (a blank line would end the paragraph, and the code span with it, leaving the rest to be read as HTML), no
 * backtick to close the span early, no `${` to interpolate.
 */
export function mdText(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, " ")
    .replace(/`/g, "'")
    .replace(/\$\{/g, "$ {");
}

/**
 * Text (a file's name) as plain Markdown outside a code span: HTML and link brackets as entities, which
 * Markdown shows as the characters, so that `<img onerror=…>.csv` or `[x](javascript:…).csv` stays text.
 */
export function mdPlain(text: string): string {
  const entities: Record<string, string> = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "[": "&#91;",
    "]": "&#93;"
  };
  return mdText(text).replace(/[&<>[\]]/g, (c) => entities[c]!);
}
