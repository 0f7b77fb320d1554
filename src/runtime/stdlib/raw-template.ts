/**
 * A tagged template's text as written, with its values as strings: the raw strings, so that TeX's `\frac` and
 * DOT's `\n` stay a backslash and a letter (the cooked string would hold a form feed, a newline). Strings
 * passed in a plain array, by a call rather than a tag, are taken as they are.
 */
export function rawTemplate(
  strings: TemplateStringsArray | readonly string[],
  values: readonly unknown[]
): string {
  const raw = (strings as Partial<TemplateStringsArray>).raw ?? strings;
  return String.raw({raw}, ...values);
}
