/**
 * What an image cell may show. A `data:image/` URL is the data itself and always shows; an http(s) URL loads
 * from another site, so it shows as an image only when `remoteImages` allows it, else as a link (nothing is
 * fetched until the user follows it). Anything else (`javascript:`, `data:text/html`, a relative path) is not
 * a link: it shows as text.
 */
export type SafeLink = {kind: "image"; url: string} | {kind: "link"; url: string} | {kind: "text"};

const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|bmp|avif);/i;

export function safeLink(value: unknown, remoteImages: boolean): SafeLink {
  if (typeof value !== "string") return {kind: "text"};
  const text = value.trim();
  // SVG is left out of data:image/: an <img> does not run its scripts, but it is markup all the same.
  if (DATA_IMAGE.test(text)) return {kind: "image", url: text};
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {kind: "text"};
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return {kind: "text"};
  return remoteImages ? {kind: "image", url: url.href} : {kind: "link", url: url.href};
}

/** The MIME type of image bytes from their first bytes (PNG, JPEG, GIF, WebP); null when not an image. */
export function imageType(bytes: Uint8Array): string | null {
  const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "image/gif";
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45) return "image/webp";
  return null;
}

/** Image bytes as a `data:` URL (so that a published page needs no blob to revoke); null when not an image. */
export function bytesUrl(bytes: Uint8Array): string | null {
  const type = imageType(bytes);
  if (!type) return null;
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${type};base64,${btoa(binary)}`;
}

/**
 * Grey levels drawn as a small picture (the digits' 64 values as 8 × 8): a `data:image/png` URL, 0 white and
 * the largest value black, or null where there is no canvas (the headless runner) or no values.
 */
export function pixelsUrl(values: ArrayLike<number>, width: number): string | null {
  const height = Math.floor(values.length / width);
  if (typeof document === "undefined" || !(width > 0 && height > 0)) return null;
  const canvas = document.createElement("canvas");
  [canvas.width, canvas.height] = [width, height];
  const context = canvas.getContext?.("2d");
  if (!context) return null;
  let max = 0;
  for (let i = 0; i < width * height; ++i) max = Math.max(max, Number(values[i]) || 0);
  const image = context.createImageData(width, height);
  for (let i = 0; i < width * height; ++i) {
    const grey = 255 - Math.round((255 * Math.max(0, Number(values[i]) || 0)) / (max || 1));
    image.data.set([grey, grey, grey, 255], i * 4);
  }
  context.putImageData(image, 0, 0);
  return canvas.toDataURL("image/png");
}
