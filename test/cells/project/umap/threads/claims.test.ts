import assert from "node:assert/strict";
import {test} from "node:test";
import {fillAtRandom, nnDescentParams} from "../../../../../src/cells/project/umap/nn-descent.ts";
import {NeighborHeaps} from "../../../../../src/cells/project/umap/neighbor-heaps.ts";
import {rpTreeLeaves} from "../../../../../src/cells/project/umap/rp-forest.ts";
import {Claims} from "../../../../../src/cells/project/umap/threads/claims.ts";
import {
  claimedJoinOffers,
  claimedLeafOffers,
  joinOffers,
  leafOffers,
  OfferBuffer,
  sharedOfferArrays,
  type OfferArrays,
  type OfferSource
} from "../../../../../src/cells/project/umap/threads/offers.ts";
import {sampleOwnedRows} from "../../../../../src/cells/project/umap/threads/owned-sampling.ts";
import {vectorStore} from "../../../../../src/cells/project/umap/vector-store.ts";
import {Random} from "../../../../../src/cells/random.ts";
import {blobs} from "../blobs.ts";

const [n, dim, k] = [600, 16, 10];
const store = vectorStore(blobs(n, dim, 6, 9), n, dim, false);

/** Heaps filled at random and NN-descent's candidates sampled from them, as before a join. */
function descentState() {
  const heaps = new NeighborHeaps(n, k);
  for (let i = 0; i < n; ++i) heaps.push(i, i, 0, 0);
  fillAtRandom(heaps, store, new Random(3));
  const m = nnDescentParams(n, k).maxCandidates;
  const [fresh, old] = [new NeighborHeaps(n, m), new NeighborHeaps(n, m)];
  sampleOwnedRows(heaps, fresh, old, 11, 0, n);
  return {heaps, fresh, old};
}

/** A thread's offer buffer, one owner, holding `capacity` offers a round. */
function buffer(heaps: NeighborHeaps, capacity: number) {
  const segment = sharedOfferArrays(capacity);
  const counts = new Int32Array(1);
  return {buffer: new OfferBuffer(heaps, [segment], new Uint16Array(n), counts, 0), segment, counts};
}

const offersOf = ({rows, neighbors, distances}: OfferArrays, count: number) =>
  Array.from({length: count}, (_, c) => `${rows[c]} ${neighbors[c]} ${distances[c]}`);

/**
 * Runs the sources as threads taking turns would, round by round (each round ended by the first full buffer,
 * its offers then collected), but one after the other so that the test is repeatable; returns every offer.
 */
function rounds(sources: OfferSource[], buffers: ReturnType<typeof buffer>[], state: Int32Array): string[] {
  const offers: string[] = [];
  const done = sources.map(() => false);
  for (let round = 0; !done.every(Boolean); ++round) {
    assert.ok(round < 10_000, "the rounds never end");
    Claims.resume(state);
    sources.forEach((source, t) => {
      const {buffer: b, segment, counts} = buffers[t]!;
      b.clear();
      if (!done[t]) done[t] = source(b);
      b.publish();
      offers.push(...offersOf(segment, counts[0]!));
    });
  }
  return offers.sort();
}

test("Claims hand out each index once across threads; a stop is seen by all until resumed", () => {
  const state = Claims.state();
  const [a, b] = [new Claims(state), new Claims(state)];
  assert.deepEqual([a.next(), b.next(), a.next(), b.next()], [0, 1, 2, 3]);
  assert.equal(b.stopped, false);
  a.stop();
  assert.equal(b.stopped, true);
  Claims.resume(state);
  assert.deepEqual([b.stopped, a.next()], [false, 4]);
  Claims.restart(state);
  assert.equal(b.next(), 0);
});

test("claimedJoinOffers: two threads taking turns, stopped by small buffers, offer exactly one thread's join", () => {
  // The heaps are not written while offers are gathered, so the offers (filtered by the rows' bounds) are the
  // same whoever joins a row: a row skipped, joined twice or cut short by a stop changes this multiset.
  const {heaps, fresh, old} = descentState();
  const whole = buffer(heaps, n * 10_000);
  const all = joinOffers(fresh, old, store, 0, n)(whole.buffer);
  assert.equal(all, true);
  whole.buffer.publish();
  const expected = offersOf(whole.segment, whole.counts[0]!).sort();
  const state = Claims.state();
  const sources = [0, 1].map(() => claimedJoinOffers(fresh, old, store, new Claims(state)));
  const capacity = 2 * ((60 * 59) / 2 + 60 * 60); // one row's worth: a stop every few rows
  const got = rounds(sources, [buffer(heaps, capacity), buffer(heaps, capacity)], state);
  assert.ok(expected.length > 10_000, `${expected.length} offers`);
  assert.deepEqual(got, expected);
});

test("claimedLeafOffers: two threads taking turns at the trees offer the pairs of every tree's leaves once", () => {
  const {heaps} = descentState();
  const seeds = [5, 6, 7, 8, 9];
  const leafSize = 12;
  const whole = buffer(heaps, n * 10_000);
  for (const seed of seeds) leafOffers(store, rpTreeLeaves(store, leafSize, new Random(seed)))(whole.buffer);
  whole.buffer.publish();
  const expected = offersOf(whole.segment, whole.counts[0]!).sort();
  const state = Claims.state();
  const sources = [0, 1].map(() => claimedLeafOffers(store, seeds, leafSize, new Claims(state)));
  const got = rounds(sources, [buffer(heaps, 500), buffer(heaps, 500)], state);
  assert.deepEqual(got, expected);
});
