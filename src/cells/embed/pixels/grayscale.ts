import type {RawImage} from "./decode-image.ts";

/**
 * An image's luminance in [0, 1], row-major: ITU-R BT.601 weights (0.299 R + 0.587 G + 0.114 B, as PIL's
 * "L" mode and most image libraries compute it), alpha composited over white, as a page shows the image.
 */
export function grayscale({width, height, channels, data, max}: RawImage): Float32Array {
  const gray = new Float32Array(width * height);
  const color = channels >= 3;
  const alpha = channels === 2 || channels === 4;
  for (let i = 0; i < gray.length; ++i) {
    const at = i * channels;
    const value = color ? 0.299 * data[at]! + 0.587 * data[at + 1]! + 0.114 * data[at + 2]! : data[at]!;
    const a = alpha ? data[at + channels - 1]! / max : 1;
    gray[i] = (a * value) / max + (1 - a);
  }
  return gray;
}
