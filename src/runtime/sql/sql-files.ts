// The file extensions DuckDB reads without an extension to download (Parquet and JSON are built in).
const DATA_FILE = /\.(?:parquet|csv|tsv|json|jsonl|ndjson|txt)(?:\.gz)?$/i;

/**
 * The data files a SQL text names, as `FROM "data/penguins.csv"` or `read_parquet('data/x.parquet')` write them:
 * each quoted string or identifier that ends in a data file extension and is a relative path (no URL, no
 * absolute path). These are the FileAttachments of a SQL cell: registered with the page's engine and copied
 * into a static build, like `FileAttachment("data/penguins.csv")`.
 */
export function sqlFileNames(text: string): string[] {
  const names = new Set<string>();
  for (const [, double, single] of text.matchAll(/"((?:[^"]|"")*)"|'((?:[^']|'')*)'/g)) {
    const name = double !== undefined ? double.replace(/""/g, '"') : single!.replace(/''/g, "'");
    if (DATA_FILE.test(name) && !/^[a-z][\w+.-]*:/i.test(name) && !name.startsWith("/")) names.add(name);
  }
  return [...names];
}
