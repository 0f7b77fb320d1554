// The types of the files notebooks attach, by extension. Notebook Kit takes a file's type from its build
// manifest; we have none, so the name says. Anything else is application/octet-stream, as a server says.
const TYPES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    arrow: "application/vnd.apache.arrow.file",
    avif: "image/avif",
    bmp: "image/bmp",
    csv: "text/csv",
    db: "application/vnd.sqlite3",
    gif: "image/gif",
    geojson: "application/geo+json",
    htm: "text/html",
    html: "text/html",
    ico: "image/x-icon",
    jpeg: "image/jpeg",
    jpg: "image/jpeg",
    js: "text/javascript",
    json: "application/json",
    md: "text/markdown",
    mp3: "audio/mpeg",
    mp4: "video/mp4",
    parquet: "application/vnd.apache.parquet",
    pdf: "application/pdf",
    png: "image/png",
    sqlite: "application/vnd.sqlite3",
    sqlite3: "application/vnd.sqlite3",
    svg: "image/svg+xml",
    tsv: "text/tab-separated-values",
    txt: "text/plain",
    wasm: "application/wasm",
    webp: "image/webp",
    xls: "application/vnd.ms-excel",
    xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    xml: "application/xml",
    zip: "application/zip"
  })
);

/** The MIME type of a file named `name`, guessed from its extension (case-insensitive). */
export function guessMimeType(name: string): string {
  const base = name.slice(name.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  const type = dot > 0 ? TYPES.get(base.slice(dot + 1).toLowerCase()) : undefined;
  return type ?? "application/octet-stream";
}
