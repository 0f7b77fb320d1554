/**
 * Seeded 3-D point clouds for the bench: gaussian blobs of varied size and spread plus 10% uniform noise,
 * the shape of a UMAP projection of embeddings. Same seed, same points.
 */
export function blobsWithNoise(n: number, seed: number, blobs = 8): Float32Array {
  const random = mulberry32(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centers = Array.from({length: blobs}, () => [0, 0, 0].map(() => (random() - 0.5) * 40));
  const spreads = centers.map(() => 0.5 + 1.5 * random());
  const coordinates = new Float32Array(n * 3);
  for (let i = 0; i < n; ++i) {
    const noise = random() < 0.1;
    const blob = Math.floor(random() * blobs);
    for (let d = 0; d < 3; ++d) {
      coordinates[i * 3 + d] = noise
        ? (random() - 0.5) * 50
        : centers[blob]![d]! + spreads[blob]! * gaussian();
    }
  }
  return coordinates;
}

/** A small, fast, seedable generator of uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
