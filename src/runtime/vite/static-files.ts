import {createReadStream} from "node:fs";
import {stat} from "node:fs/promises";
import type {ServerResponse} from "node:http";
import {extname} from "node:path";

const contentTypes: Record<string, string> = {
  ".arrow": "application/vnd.apache.arrow.file",
  ".css": "text/css; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".gif": "image/gif",
  ".html": "text/html; charset=utf-8",
  ".jpeg": "image/jpeg",
  ".jpg": "image/jpeg",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".parquet": "application/vnd.apache.parquet",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".webp": "image/webp"
};

/**
 * Sends a data file exactly as it is on disk. Vite's own static middleware would turn a `.css` or `.js`
 * attachment into a module, so files of the notebook directory go through here. False when no such file.
 */
export async function sendFile(path: string, response: ServerResponse): Promise<boolean> {
  const stats = await stat(path).catch(() => undefined);
  if (!stats?.isFile()) return false;
  response.writeHead(200, {
    "Content-Type": contentTypes[extname(path).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": stats.size,
    "Cache-Control": "no-cache"
  });
  createReadStream(path)
    .on("error", () => response.destroy())
    .pipe(response);
  return true;
}
