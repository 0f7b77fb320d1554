/** `name` as a SQL identifier: in double quotes, inner ones doubled. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `text` as a SQL string literal: in single quotes, inner ones doubled. */
export function quoteString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
