import {meanKnnDistance, type SmoothKnn} from "../smooth-knn.ts";
import type {KnnGraph} from "../knn.ts";
import type {ThreadPool} from "./pool.ts";
import {sharedArray, sharedCopy} from "./shared-arrays.ts";

/**
 * `smoothKnnDist` of the graph on the pool's threads, a run of rows each: every row's σ and ρ depend only on
 * its own distances and their overall mean (summed here, in index order), so the result is one thread's bit
 * for bit, whatever the thread count. Its binary searches are most of the fuzzy graph's time.
 */
export async function parallelSmoothKnn(pool: ThreadPool, {n, k, distances}: KnnGraph): Promise<SmoothKnn> {
  const shared = sharedCopy(distances, Float32Array);
  const [sigmas, rhos] = [sharedArray(Float32Array, n), sharedArray(Float32Array, n)];
  const meanDistance = meanKnnDistance(distances, n, k);
  const cut = (t: number) => Math.round((n * t) / pool.size);
  await pool.broadcast((t) => ({
    kind: "smooth",
    distances: shared,
    k,
    meanDistance,
    sigmas,
    rhos,
    from: cut(t),
    to: cut(t + 1)
  }));
  return {sigmas, rhos};
}
