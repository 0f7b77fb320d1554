import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {test} from "node:test";
import {
  type FuzzyGraph,
  type KnnGraph,
  fuzzySimplicialSet,
  knnGraph,
  layout,
  layoutQuality,
  umap,
  type UmapStage
} from "../../../../src/cells/project/umap/index.ts";
import {liveThreads, ThreadPool} from "../../../../src/cells/project/umap/threads/pool.ts";
import {workCuts} from "../../../../src/cells/project/umap/threads/parallel-layout.ts";
import {computeLayout} from "../../../../src/cells/project/umap/layout.ts";
import {computeKnnGraph} from "../../../../src/cells/project/umap/knn.ts";
import {parallelSmoothKnn} from "../../../../src/cells/project/umap/threads/parallel-smooth.ts";
import {smoothKnnDist} from "../../../../src/cells/project/umap/smooth-knn.ts";
import {parallelSpectralLayout} from "../../../../src/cells/project/umap/threads/parallel-spectral.ts";
import {spectralLayout} from "../../../../src/cells/project/umap/spectral-layout.ts";
import {Random} from "../../../../src/cells/random.ts";
import type {LayoutOptions} from "../../../../src/cells/project/umap/options.ts";
import {stageRun} from "../../../../src/cells/project/umap/stage-run.ts";
import {blobs} from "./blobs.ts";
import {loadDigits} from "./digits.ts";

const digits = loadDigits();
const isAbort = (error: unknown) => error instanceof Error && error.name === "AbortError";
const sha256 = (a: Float32Array) =>
  createHash("sha256")
    .update(Buffer.from(a.buffer, a.byteOffset, a.byteLength))
    .digest("hex");

test("umap() on 2 threads is as trustworthy as on one, within 0.002 (digits, exact kNN)", async () => {
  // A threaded run lays out differently from one thread (as another seed would): compare the means over
  // three seeds, as one run's trustworthiness varies by about 0.001 from seed to seed.
  const trust = (c: Float32Array) => layoutQuality(digits.vectors, digits.dim, c, 2, {k: 15}).trustworthiness;
  const mean = async (threads: number) => {
    let sum = 0;
    for (const seed of [0, 1, 2]) {
      const options = {nNeighbors: 15, nComponents: 2, minDist: 0, seed, threads};
      sum += trust((await umap(digits.vectors, digits.dim, options)).coordinates);
    }
    return sum / 3;
  };
  const [t1, t2] = [await mean(1), await mean(2)];
  assert.ok(Math.abs(t1 - t2) <= 0.002, `one thread ${t1}, two ${t2} (means of 3 seeds)`);
  assert.equal(liveThreads(), 0);
});

test("umap() on 2 threads is as trustworthy as on one, within 0.002 (blobs, NN-descent)", async () => {
  // 4,500 × 64: past the brute-force cut-off (4,096² × 64 distance terms), so NN-descent runs on the threads.
  const vectors = blobs(4500, 64, 12, 3);
  const options = {nNeighbors: 15, nComponents: 2, minDist: 0, nEpochs: 200, seed: 1};
  const one = await umap(vectors, 64, options);
  const two = await umap(vectors, 64, {...options, threads: 2});
  const queries = Int32Array.from({length: 900}, (_, i) => i * 5);
  const trust = (c: Float32Array) => layoutQuality(vectors, 64, c, 2, {k: 15, queries}).trustworthiness;
  const [t1, t2] = [trust(one.coordinates), trust(two.coordinates)];
  assert.ok(Math.abs(t1 - t2) <= 0.002, `one thread ${t1}, two ${t2}`);
});

test("layout() on 2 threads gives the same coordinates on every run, bit for bit, and not one thread's", async () => {
  // Each thread moves its own copy and the moves are summed in thread order after each epoch: nothing races.
  const graph = fuzzySimplicialSet(await knnGraph(digits.vectors, digits.dim, {nNeighbors: 15, seed: 0}));
  const options = {nComponents: 2, minDist: 0, nEpochs: 100, seed: 4};
  const runs = [];
  for (const threads of [2, 2, 1])
    runs.push(sha256((await layout(graph, {...options, threads})).coordinates));
  assert.equal(runs[1], runs[0]);
  assert.notEqual(runs[2], runs[0], "two threads laid out exactly as one: the threads did not run");
  assert.equal(liveThreads(), 0);
});

/** Recall of a 15-neighbour graph of 5,000 × 64 against the exact neighbours of 500 rows, found here by brute force. */
function recall(vectors: Float32Array, graph: KnnGraph): number {
  let found = 0;
  const rows = 500;
  for (let r = 0; r < rows; ++r) {
    const i = r * 10;
    const d = new Float64Array(5000);
    for (let j = 0; j < 5000; ++j) {
      let sum = 0;
      for (let c = 0; c < 64; ++c) sum += (vectors[i * 64 + c]! - vectors[j * 64 + c]!) ** 2;
      d[j] = sum;
    }
    const truth = new Set([...d.keys()].sort((x, y) => d[x]! - d[y]!).slice(0, 15));
    for (let s = 0; s < 15; ++s) if (truth.has(graph.indices[i * 15 + s]!)) ++found;
  }
  return found / (rows * 15);
}

test("knnGraph() by NN-descent on 2 threads gives the same graph on every run, as good as one thread's", async () => {
  // Each thread applies offers only to the rows it owns, in thread order: nothing races.
  const vectors = blobs(5000, 64, 12, 5);
  const options = {nNeighbors: 15, seed: 3};
  const one = await knnGraph(vectors, 64, options);
  const [a, b] = [
    await knnGraph(vectors, 64, {...options, threads: 2}),
    await knnGraph(vectors, 64, {...options, threads: 2})
  ];
  assert.equal(a.exact, false);
  assert.equal(sha256(new Float32Array(a.indices.buffer)), sha256(new Float32Array(b.indices.buffer)));
  assert.equal(sha256(a.distances), sha256(b.distances));
  const [r1, r2] = [recall(vectors, one), recall(vectors, a)];
  assert.ok(r2 >= r1 - 0.01, `recall: one thread ${r1}, two ${r2}`);
});

test("knnGraph() exact on 2 threads finds the same distances as on one, bit for bit, the same on every run", async () => {
  const one = await knnGraph(digits.vectors, digits.dim, {nNeighbors: 10, seed: 0});
  const two = await knnGraph(digits.vectors, digits.dim, {nNeighbors: 10, seed: 0, threads: 2});
  const again = await knnGraph(digits.vectors, digits.dim, {nNeighbors: 10, seed: 0, threads: 2});
  assert.equal(two.exact, true);
  assert.equal(sha256(two.distances), sha256(one.distances));
  assert.equal(sha256(new Float32Array(again.indices.buffer)), sha256(new Float32Array(two.indices.buffer)));
  assert.ok(!(two.indices.buffer instanceof SharedArrayBuffer), "the graph is out of shared memory");
});

test("parallelSmoothKnn() on 2 and 3 threads finds one thread's σ and ρ bit for bit (digits)", async () => {
  const knn = await knnGraph(digits.vectors, digits.dim, {nNeighbors: 15, seed: 0});
  const one = smoothKnnDist(knn.distances, knn.n, knn.k);
  for (const threads of [2, 3]) {
    const pool = (await ThreadPool.open(threads))!;
    try {
      const many = await parallelSmoothKnn(pool, knn);
      assert.equal(sha256(many.sigmas), sha256(one.sigmas), `σ on ${threads} threads`);
      assert.equal(sha256(many.rhos), sha256(one.rhos), `ρ on ${threads} threads`);
      // Not a trivial agreement: the digits' rows have σ of many sizes, every one of them positive.
      assert.ok(new Set(one.sigmas).size > knn.n / 2 && one.sigmas.every((s) => s > 0));
    } finally {
      pool.close();
    }
  }
});

/**
 * A symmetric graph of disconnected components of the given sizes: each a ring with random chords, weights in
 * (0, 1]. Sizes above 96 are embedded by Lanczos, smaller ones densely, those under 2 · dim placed at random.
 */
function componentsGraph(sizes: readonly number[], seed: number): FuzzyGraph {
  const random = new Random(seed);
  const n = sizes.reduce((a, b) => a + b, 0);
  const rows = Array.from({length: n}, () => new Map<number, number>());
  const link = (a: number, b: number, w: number) => {
    if (a === b) return;
    rows[a]!.set(b, w);
    rows[b]!.set(a, w);
  };
  let first = 0;
  for (const size of sizes) {
    for (let i = 0; i < size; ++i) {
      if (size > 1) link(first + i, first + ((i + 1) % size), 0.2 + 0.8 * random.float());
      if (size > 4) link(first + i, first + random.below(size), 0.05 + 0.95 * random.float());
    }
    first += size;
  }
  const indptr = new Int32Array(n + 1);
  const indices: number[] = [];
  const weights: number[] = [];
  rows.forEach((row, i) => {
    for (const [j, w] of [...row].sort((a, b) => a[0] - b[0])) {
      indices.push(j);
      weights.push(w);
    }
    indptr[i + 1] = indices.length;
  });
  return {n, indptr, indices: Int32Array.from(indices), weights: Float32Array.from(weights)};
}

test("parallelSpectralLayout() embeds the components on 2 and 3 threads as spectralLayout() does, bit for bit, and leaves the generator where it does", async () => {
  // Lanczos (400, 250, 120), dense (60, 20) and random (3, 2) components, in an order that is not by size.
  const graph = componentsGraph([120, 3, 400, 60, 2, 250, 20], 11);
  for (const dim of [2, 3]) {
    const random = new Random(dim);
    const one = spectralLayout(graph, dim, random);
    const after = random.int();
    for (const threads of [2, 3]) {
      const pool = (await ThreadPool.open(threads))!;
      try {
        const again = new Random(dim);
        const many = await parallelSpectralLayout(pool, graph, dim, again);
        assert.deepEqual(many, one, `dim ${dim} on ${threads} threads`);
        assert.equal(again.int(), after, "the generator's next draw");
      } finally {
        pool.close();
      }
    }
    // Not a trivial agreement: every point placed, the components apart.
    assert.ok(one.every(Number.isFinite) && new Set(one).size === one.length);
  }
});

test("parallelSpectralLayout() with a component that has no usable embedding makes the layout again as spectralLayout() does", async () => {
  // The 60-point component's weights are all zero: its degrees are 0, its embedding not finite, so the
  // sequential layout draws its points between the others' draws, and the threads' results are set aside.
  const graph = componentsGraph([120, 3, 400, 60, 2], 12);
  const zeroFrom = 120 + 3 + 400;
  for (let e = graph.indptr[zeroFrom]!; e < graph.indptr[zeroFrom + 60]!; ++e) graph.weights[e] = 0;
  const random = new Random(4);
  const one = spectralLayout(graph, 2, random);
  const after = random.int();
  const pool = (await ThreadPool.open(2))!;
  try {
    const again = new Random(4);
    assert.deepEqual(await parallelSpectralLayout(pool, graph, 2, again), one);
    assert.equal(again.int(), after, "the generator's next draw");
  } finally {
    pool.close();
  }
  assert.ok(one.every(Number.isFinite));
});

test("umap() on one thread gives the coordinates it gave before threads existed, bit for bit", async () => {
  // Pinned from commit 382c4a3, before the layout and the kNN search were split for threads.
  const exact = await umap(blobs(1500, 16, 5, 1), 16, {nNeighbors: 10, nEpochs: 50, seed: 5});
  assert.equal(sha256(exact.coordinates).slice(0, 16), "aa42eb18539ff865");
  const vectors = blobs(5000, 384, 20, 2);
  const descent = await umap(vectors, 384, {nNeighbors: 15, nEpochs: 30, seed: 3, threads: 1});
  assert.equal(sha256(descent.coordinates).slice(0, 16), "8f6bb267216ca381");
});

test("umap() aborted during the kNN search or the layout on 2 threads rejects and stops its threads", async () => {
  const vectors = blobs(3000, 16, 4, 2);
  for (const when of ["knn", "layout"] as UmapStage[]) {
    const controller = new AbortController();
    const progress = (fraction: number, stage: UmapStage) => {
      if (stage === when && fraction > (when === "knn" ? 0.1 : 0.6)) controller.abort();
    };
    const run = umap(vectors, 16, {seed: 0, nEpochs: 100, threads: 2}, {signal: controller.signal, progress});
    await assert.rejects(run, isAbort);
    assert.equal(liveThreads(), 0, `threads left after an abort in ${when}`);
  }
});

test("umap() on 2 threads that fails after its threads started rejects and stops them", async () => {
  // The kNN stage reads its options once the threads are up (more neighbours than points is no failure since
  // they are truncated to n − 1, as umap-learn does).
  const run = umap(blobs(200, 8, 2, 0), 8, {seed: 0, threads: 2, nNeighbors: 1});
  await assert.rejects(run, /umap knn: nNeighbors must be an integer ≥ 2, not 1/);
  assert.equal(liveThreads(), 0);
});

test("a thread's task that throws rejects with its message, and the pool stops every thread", async () => {
  const pool = (await ThreadPool.open(2))!;
  assert.equal(liveThreads(), 2);
  await assert.rejects(pool.run(1, {kind: "join"}), /no heaps were shared with this thread/);
  assert.equal(liveThreads(), 0);
  // A task run after the failure hears of it, not of a pool that closed for no reason.
  await assert.rejects(
    pool.run(0, {kind: "epochs", from: 0, to: 1}),
    /no heaps were shared with this thread/
  );
});

test("a Node thread whose first message cannot be sent (queued while its source is bundled) crashes instead of leaving it waiting", async () => {
  const {spawner} = await import("../../../../src/cells/project/umap/threads/spawn-node.ts");
  let crash: (error: Error) => void = () => {};
  const crashed = new Promise<Error>((resolve) => (crash = resolve));
  const port = spawner.spawn({message: () => {}, crash: (error) => crash(error)});
  try {
    // Posted before the worker exists (its start waits at least a turn): a function cannot be cloned.
    port.post({id: 0, task: {kind: "join", hostile: () => 0}});
    assert.match((await crashed).message, /could not be cloned/);
  } finally {
    port.terminate();
  }
});

test('umap() refuses a thread count that is not a positive integer or "auto"', async () => {
  for (const threads of [0, 1.5, -2])
    await assert.rejects(
      umap(blobs(100, 4, 2, 0), 4, {seed: 0, threads}),
      /umap knn: threads must be "auto" or an integer ≥ 1/
    );
});

test('umap() with threads "auto" on a small input runs on this thread, bit for bit as with one', async () => {
  const vectors = blobs(400, 8, 3, 4);
  const one = await umap(vectors, 8, {seed: 2, nEpochs: 40});
  const auto = await umap(vectors, 8, {seed: 2, nEpochs: 40, threads: "auto"});
  assert.equal(sha256(auto.coordinates), sha256(one.coordinates));
});

test("workCuts() splits the edges into runs of even work, an edge's work being 1 / epochsPerSample", () => {
  // Work 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5 (total 6): halves of 3 after the third edge; thirds of 2 after the
  // second and the fourth. By edge count the halves would have been 4 and 2.
  const epochsPerSample = Float64Array.of(1, 1, 1, 1, 2, 2, 2, 2);
  assert.deepEqual([...workCuts(epochsPerSample, 2)], [0, 3, 8]);
  assert.deepEqual([...workCuts(epochsPerSample, 3)], [0, 2, 4, 8]);
  assert.deepEqual([...workCuts(epochsPerSample, 1)], [0, 8]);
});

/** The layout on a pool of `threads` opened here (so that "auto" takes turns whatever this machine's cores). */
async function layoutOnPool(
  graph: FuzzyGraph,
  options: LayoutOptions,
  threads: number
): Promise<Float32Array> {
  const pool = (await ThreadPool.open(threads))!;
  try {
    return (await computeLayout(graph, options, stageRun(undefined, "layout"), undefined, pool)).coordinates;
  } finally {
    pool.close();
  }
}

test('layout() with threads "auto" takes turns at blocks of edges: on one thread, every edge once an epoch, in order', async () => {
  // One thread claiming blocks in turn must move exactly the edges its fixed run would, in the same order with
  // the same random stream: a block skipped, repeated or moved out of order changes the coordinates.
  const graph = fuzzySimplicialSet(await knnGraph(digits.vectors, digits.dim, {nNeighbors: 15, seed: 0}));
  const options = {nComponents: 2 as const, minDist: 0, nEpochs: 60, seed: 5};
  const blocks = await layoutOnPool(graph, {...options, threads: "auto"}, 1);
  const run = await layoutOnPool(graph, {...options, threads: 1}, 1);
  assert.equal(sha256(blocks), sha256(run));
  assert.equal(liveThreads(), 0);
});

test('layout() with threads "auto" on 2 threads taking turns is as trustworthy as one thread, within 0.002', async () => {
  const graph = fuzzySimplicialSet(await knnGraph(digits.vectors, digits.dim, {nNeighbors: 15, seed: 0}));
  const trust = (c: Float32Array) => layoutQuality(digits.vectors, digits.dim, c, 2, {k: 15}).trustworthiness;
  let [one, turns] = [0, 0];
  for (const seed of [0, 1, 2]) {
    const options = {nComponents: 2 as const, minDist: 0, seed};
    one += trust((await layout(graph, options)).coordinates) / 3;
    const blocks = await layoutOnPool(graph, {...options, threads: "auto"}, 2);
    assert.notEqual(sha256(blocks), sha256(await layoutOnPool(graph, {...options, threads: 2}, 2)));
    turns += trust(blocks) / 3;
  }
  assert.ok(
    Math.abs(one - turns) <= 0.002,
    `one thread ${one}, two taking turns ${turns} (means of 3 seeds)`
  );
  assert.equal(liveThreads(), 0);
});

test('knnGraph() with threads "auto" on 2 threads taking turns at trees and rows is as good as one thread', async () => {
  const vectors = blobs(5000, 64, 12, 5);
  const options = {nNeighbors: 15, seed: 3};
  const one = await knnGraph(vectors, 64, options);
  const pool = (await ThreadPool.open(2))!;
  try {
    const turns = await computeKnnGraph(
      vectors,
      64,
      {...options, threads: "auto"},
      stageRun(undefined, "knn"),
      pool
    );
    assert.equal(turns.exact, false);
    const [r1, r2] = [recall(vectors, one), recall(vectors, turns)];
    assert.ok(r2 >= r1 - 0.01, `recall: one thread ${r1}, two taking turns ${r2}`);
  } finally {
    pool.close();
  }
  assert.equal(liveThreads(), 0);
});
