/** One output pixel's share of each source pixel along one axis: source indices and weights summing to 1. */
interface Span {
  readonly from: number;
  readonly weights: Float64Array;
}

/**
 * Area averaging (a box filter with exact fractional coverage): output pixel (oy, ox) of size × size is the
 * mean of the source region [oy·h/size, (oy+1)·h/size) × [ox·w/size, (ox+1)·w/size), each source pixel
 * weighted by how much of it lies inside. It keeps every pixel's ink (nothing is skipped, as
 * nearest-neighbour sampling would), and also works for upsampling. Separable: rows first, then columns.
 */
export function downsample(
  pixels: ArrayLike<number>,
  height: number,
  width: number,
  size: number,
  out: Float32Array,
  offset = 0
): void {
  const xs = spans(width, size);
  const ys = spans(height, size);
  const rows = new Float64Array(height * size);
  for (let y = 0; y < height; ++y)
    for (let ox = 0; ox < size; ++ox) {
      const {from, weights} = xs[ox]!;
      let sum = 0;
      for (let k = 0; k < weights.length; ++k) sum += weights[k]! * pixels[y * width + from + k]!;
      rows[y * size + ox] = sum;
    }
  for (let oy = 0; oy < size; ++oy) {
    const {from, weights} = ys[oy]!;
    for (let ox = 0; ox < size; ++ox) {
      let sum = 0;
      for (let k = 0; k < weights.length; ++k) sum += weights[k]! * rows[(from + k) * size + ox]!;
      out[offset + oy * size + ox] = sum;
    }
  }
}

function spans(length: number, size: number): Span[] {
  const step = length / size;
  return Array.from({length: size}, (_, o) => {
    const start = o * step;
    const end = (o + 1) * step;
    const from = Math.floor(start);
    const to = Math.min(length, Math.ceil(end));
    const weights = new Float64Array(to - from);
    for (let i = from; i < to; ++i) weights[i - from] = (Math.min(end, i + 1) - Math.max(start, i)) / step;
    return {from, weights};
  });
}
