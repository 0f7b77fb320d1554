/** An image decoded to channels of samples: 1 gray, 2 gray + alpha, 3 RGB, 4 RGBA; values up to `max`. */
export interface RawImage {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly data: ArrayLike<number>;
  /** The value of full intensity: 255, 65535, or 2^depth − 1 for low-depth grays. */
  readonly max: number;
}

type FastPng = typeof import("fast-png");
type JpegJs = typeof import("jpeg-js");

let png: Promise<FastPng> | undefined;
let jpeg: Promise<JpegJs["decode"]> | undefined;

/**
 * Decodes PNG or JPEG bytes in plain JavaScript (fast-png, jpeg-js: no native code, the same in Node and in a
 * browser or worker), loaded on the first image only. Throws an Error saying what the bytes are not.
 */
export async function decodeImage(bytes: Uint8Array): Promise<RawImage> {
  if (isPng(bytes)) {
    png ??= import("fast-png");
    const {decode, convertIndexedToRgb} = await png;
    const image = decode(bytes);
    if (image.palette) {
      const channels = image.palette[0]?.length ?? 3;
      return {width: image.width, height: image.height, channels, data: convertIndexedToRgb(image), max: 255};
    }
    const data =
      image.depth < 8 ? unpackGray(image.data, image.width, image.height, image.depth) : image.data;
    return {...image, data, max: 2 ** image.depth - 1};
  }
  if (isJpeg(bytes)) {
    // jpeg-js is CommonJS: its functions come as the default export or (Node) as named ones.
    jpeg ??= import("jpeg-js").then(
      (module) => (module as JpegJs & {default?: JpegJs}).default?.decode ?? module.decode
    );
    const decode = await jpeg;
    const image = decode(bytes, {useTArray: true, formatAsRGBA: false, maxMemoryUsageInMB: 256});
    const channels = image.data.length / (image.width * image.height);
    return {width: image.width, height: image.height, channels, data: image.data, max: 255};
  }
  throw new Error("not a PNG or JPEG image");
}

function isPng(bytes: Uint8Array): boolean {
  return bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
}

function isJpeg(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

// Grays of 1, 2 or 4 bits come packed, each row starting on a byte.
function unpackGray(packed: ArrayLike<number>, width: number, height: number, depth: number): Uint8Array {
  const out = new Uint8Array(width * height);
  const rowBytes = Math.ceil((width * depth) / 8);
  const mask = (1 << depth) - 1;
  for (let y = 0; y < height; ++y)
    for (let x = 0; x < width; ++x) {
      const bit = x * depth;
      out[y * width + x] = (packed[y * rowBytes + (bit >> 3)]! >> (8 - depth - (bit & 7))) & mask;
    }
  return out;
}
