/**
 * n seeded 2-D points in [−1, 1]²: eight gaussian blobs of different spreads over a uniform 5% (the look of a
 * UMAP projection), row-major x, y. regl-scatterplot takes coordinates in that square as they are.
 */
export function blobs(n: number, seed: number): Float32Array {
  let state = seed >>> 0 || 1;
  const random = () => {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const centers = Array.from({length: 8}, () => [
    random() * 1.4 - 0.7,
    random() * 1.4 - 0.7,
    0.03 + random() * 0.12
  ]);
  const out = new Float32Array(n * 2);
  for (let i = 0; i < n; ++i) {
    let x: number;
    let y: number;
    if (random() < 0.05) [x, y] = [random() * 2 - 1, random() * 2 - 1];
    else {
      const [cx, cy, spread] = centers[Math.floor(random() * 8)]!;
      // Box–Muller
      const r = Math.sqrt(-2 * Math.log(1 - random())) * spread!;
      const a = 2 * Math.PI * random();
      [x, y] = [cx! + r * Math.cos(a), cy! + r * Math.sin(a)];
    }
    out[2 * i] = Math.max(-1, Math.min(1, x));
    out[2 * i + 1] = Math.max(-1, Math.min(1, y));
  }
  return out;
}
