/** The number of lines of `text` (one more than its line feeds). */
export function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) ++lines;
  return lines;
}
