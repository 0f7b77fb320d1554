import type {SourceVectors} from "./component-positions.ts";
import type {FuzzyGraph} from "./fuzzy-graph.ts";
import type {UmapInit} from "./options.ts";
import type {Random} from "../../random.ts";
import {spectralLayout} from "./spectral-layout.ts";
import {parallelSpectralLayout} from "./threads/parallel-spectral.ts";
import type {ThreadPool} from "./threads/pool.ts";

/**
 * The layout's starting positions (n × dim), as umap-learn's `simplicial_set_embedding` makes them:
 * uniform in [−10, 10], or the spectral layout scaled to ±10 plus N(0, 10⁻⁴) noise; then each axis is
 * rescaled to [0, 10].
 */
export async function initialLayout(
  graph: FuzzyGraph,
  dim: number,
  init: UmapInit,
  random: Random,
  source?: SourceVectors,
  pool?: ThreadPool | null
): Promise<Float32Array> {
  const n = graph.n;
  const start = new Float64Array(n * dim);
  if (init === "random") {
    for (let s = 0; s < start.length; ++s) start[s] = random.float() * 20 - 10;
  } else {
    // On threads, the graph's components are embedded side by side: the same values as on this thread.
    const spectral = pool
      ? await parallelSpectralLayout(pool, graph, dim, random, source)
      : spectralLayout(graph, dim, random, source);
    let max = 0;
    for (const value of spectral) max = Math.max(max, Math.abs(value));
    const expansion = max > 0 ? 10 / max : 1;
    for (let s = 0; s < start.length; ++s) start[s] = spectral[s]! * expansion + random.normal() * 1e-4;
  }
  const out = new Float32Array(n * dim);
  for (let d = 0; d < dim; ++d) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; ++i) {
      lo = Math.min(lo, start[i * dim + d]!);
      hi = Math.max(hi, start[i * dim + d]!);
    }
    const scale = hi > lo ? 10 / (hi - lo) : 0;
    for (let i = 0; i < n; ++i) out[i * dim + d] = (start[i * dim + d]! - lo) * scale;
  }
  return out;
}
