import {mulberry32} from "../../test/helpers/mulberry32.ts";
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
