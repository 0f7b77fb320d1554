import {locationKind} from "../../location.ts";

const isNode = typeof process === "object" && typeof process.versions?.node === "string";

/**
 * An image's bytes from a cell: the bytes themselves (a Binary column), a data: URL, an http(s) or blob: URL
 * (fetched), or a file path or file: URL (read, in Node; fetched relative to the page elsewhere). In a page an
 * http(s) URL on another site is refused unless `remote` (px.embed's `remoteImages`).
 */
export async function imageBytes(value: unknown, signal?: AbortSignal, remote = false): Promise<Uint8Array> {
  if (value instanceof Uint8Array) return value;
  if (typeof value !== "string") throw new Error(`not image bytes or a URL: ${typeof value}`);
  const location = value.trim();
  if (/^data:/i.test(location)) return dataURLBytes(location);
  if (isNode && locationKind(location) === "file") {
    const {readFileBytes} = await import("../read-file-node.ts");
    return readFileBytes(/^file:/i.test(location) ? new URL(location) : location);
  }
  if (!isNode && !remote) checkSameSite(location);
  const response = await fetch(location, signal ? {signal} : {});
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

function dataURLBytes(url: string): Uint8Array {
  const comma = url.indexOf(",");
  if (comma < 0) throw new Error("malformed data: URL (no comma)");
  const header = url.slice(5, comma);
  const payload = url.slice(comma + 1);
  const text = /;base64$/i.test(header)
    ? atob(payload.replace(/\s+/g, ""))
    : payload.replace(/%([\da-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i);
  return bytes;
}

// A page's (or its worker's) own origin: what it may fetch images from without remoteImages.
function checkSameSite(location: string): void {
  const here = (globalThis as {location?: {href: string}}).location?.href;
  if (here === undefined) return;
  const url = new URL(location, here);
  if ((url.protocol === "http:" || url.protocol === "https:") && url.origin !== new URL(here).origin)
    throw new Error(
      `${location}: an image on another site (a page fetches its own site's only: pass remoteImages: true to px.embed)`
    );
}
