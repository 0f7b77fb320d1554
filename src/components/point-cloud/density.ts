import type {Rgb} from "../colors.ts";
import type {Mat4} from "./mat4.ts";

/** From this many points, a 2-D cloud of small points is drawn as an image binned on the CPU. */
export const DENSITY_FROM = 200_000;
/** Points larger than this (device pixels) are drawn as disks however many there are. */
const DENSITY_MAX_SIZE = 3.5;

/** Whether a frame is drawn as a binned image: 2-D, at least DENSITY_FROM points, at most 3.5 device pixels each. */
export const drawsDensity = (n: number, nComponents: 2 | 3, pointSize: number): boolean =>
  nComponents === 2 && n >= DENSITY_FROM && pointSize <= DENSITY_MAX_SIZE;

/** What one binned frame is drawn from: the GPU buffers' data, and the frame's matrix and colors. */
export interface DensityFrame {
  /** Row-major x, y per point. */
  readonly coordinates: Float32Array;
  /** n × 3 bytes. */
  readonly colors: Uint8Array;
  /** Per point: 1 highlighted, 2 selected, 4 hidden (as the shader reads them). */
  readonly flags: Uint8Array | undefined;
  readonly matrix: Mat4;
  /** Device pixels. */
  readonly width: number;
  readonly height: number;
  /** Point diameter in device pixels. */
  readonly pointSize: number;
  readonly background: Rgb;
  /** The ring around emphasized points. */
  readonly outline: Rgb;
  readonly hasSelection: boolean;
}

/**
 * A 2-D cloud of hundreds of thousands of points as one RGBA image, rows from the bottom (as a WebGL texture
 * reads them): each point a square of its size in its color, later points over earlier ones, emphasized
 * (highlighted or selected) points over all, one pixel larger and framed in the outline color, the others
 * faded toward the background when there is a selection, as the shader does. One pass over typed arrays: a 1M-point frame costs a few
 * milliseconds of script where a software renderer takes a second to rasterize the points.
 */
export class DensityImage {
  #pixels = new Uint8Array(0);

  /** The image of one frame (width × height × 4 bytes, reused from frame to frame). */
  draw(frame: DensityFrame): Uint8Array {
    const {width, height, background} = frame;
    if (this.#pixels.length !== width * height * 4) this.#pixels = new Uint8Array(width * height * 4);
    const words = new Uint32Array(this.#pixels.buffer);
    words.fill(pack(background[0], background[1], background[2]));
    this.#pass(frame, words, false);
    if (frame.flags) this.#pass(frame, words, true);
    return this.#pixels;
  }

  #pass(frame: DensityFrame, words: Uint32Array, emphasized: boolean): void {
    const {coordinates, colors, flags, matrix: m, width, height, background, outline, hasSelection} = frame;
    const ring = emphasized ? pack(outline[0], outline[1], outline[2]) : 0;
    const size = Math.max(1, Math.round(frame.pointSize)) + (emphasized ? 1 : 0);
    const half = size / 2;
    const sx = width / 2;
    const sy = height / 2;
    const m0 = m[0]!,
      m1 = m[1]!,
      m4 = m[4]!,
      m5 = m[5]!,
      m12 = m[12]!,
      m13 = m[13]!;
    const fade = hasSelection ? 0.72 : 0;
    const n = colors.length / 3;
    for (let i = 0; i < n; ++i) {
      const flag = flags ? flags[i]! : 0;
      if (flag & 4 || (flag & 3 ? 1 : 0) !== (emphasized ? 1 : 0)) continue;
      const x = coordinates[2 * i]!;
      const y = coordinates[2 * i + 1]!;
      const left = Math.floor((m0 * x + m4 * y + m12 + 1) * sx - half);
      const bottom = Math.floor((m1 * x + m5 * y + m13 + 1) * sy - half);
      if (left >= width || bottom >= height || left + size <= 0 || bottom + size <= 0) continue;
      const f = flag ? 0 : fade;
      const word = pack(
        colors[3 * i]! + (background[0] - colors[3 * i]!) * f,
        colors[3 * i + 1]! + (background[1] - colors[3 * i + 1]!) * f,
        colors[3 * i + 2]! + (background[2] - colors[3 * i + 2]!) * f
      );
      if (emphasized) square(words, width, height, left - 1, bottom - 1, size + 2, ring);
      square(words, width, height, left, bottom, size, word);
    }
  }
}

/** Fills the size × size square from (left, bottom), clipped to the image. */
function square(
  words: Uint32Array,
  width: number,
  height: number,
  left: number,
  bottom: number,
  size: number,
  word: number
): void {
  const x0 = left < 0 ? 0 : left;
  const x1 = left + size > width ? width : left + size;
  const y1 = bottom + size > height ? height : bottom + size;
  for (let row = bottom < 0 ? 0 : bottom; row < y1; ++row)
    for (let at = row * width + x0, end = row * width + x1; at < end; ++at) words[at] = word;
}

/** An opaque RGBA pixel as one little-endian 32-bit word. */
const pack = (r: number, g: number, b: number): number =>
  (0xff000000 | ((b + 0.5) << 16) | ((g + 0.5) << 8) | (r + 0.5)) >>> 0;
