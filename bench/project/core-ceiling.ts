// How much more work this machine's cores do together than one alone, measured now: the ceiling of any
// threads' speed-up. A plain compute kernel runs on one worker for a fixed time, then on one worker per core
// at once for the same time; the ceiling is the second count of rounds over the first. On the machine this
// bench was written on, one virtual core ran the same kernel 1.6× slower than the other (pinned with
// taskset), so two threads could never reach 2× there; the bench reports the ceiling beside the speed-up so
// that the threads are judged against what the cores give at that moment.
import {availableParallelism} from "node:os";
import {Worker} from "node:worker_threads";

/** Seconds each side of the measure runs. */
const WINDOW_MS = 1500;

// The worker: rounds of a mix of dependent float work and reads scattered over 256 KB (a UMAP epoch's mix),
// counted until the shared deadline. It is plain JavaScript, evaluated from a string so it needs no build.
const WORKER = `
const {parentPort, workerData} = require("node:worker_threads");
const {start, windowMs} = workerData;
const signal = new Int32Array(start);
Atomics.wait(signal, 0, 0);
const points = new Float32Array(65536).map((_, i) => (i % 97) / 97);
let x = 12345, s = 0, rounds = 0;
const end = performance.now() + windowMs;
while (performance.now() < end) {
  for (let r = 0; r < 20000; ++r) {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    const j = (x >>> 16) & 65535;
    s += points[j] * 1.0000001;
    points[j] = s * 1e-9;
  }
  ++rounds;
}
parentPort.postMessage({rounds, s});
`;

async function countRounds(workers: number): Promise<number> {
  const start = new SharedArrayBuffer(4);
  const threads = Array.from(
    {length: workers},
    () => new Worker(WORKER, {eval: true, workerData: {start, windowMs: WINDOW_MS}})
  );
  const done = threads.map(
    (w) =>
      new Promise<number>((resolve, reject) =>
        w.once("message", (m: {rounds: number}) => resolve(m.rounds)).once("error", reject)
      )
  );
  // Let every worker start and wait at the gate, then open it for all at once.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const signal = new Int32Array(start);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
  const rounds = await Promise.all(done);
  await Promise.all(threads.map((w) => w.terminate()));
  return rounds.reduce((a, b) => a + b, 0);
}

/** The cores' work together ÷ one core's, now (≈ the core count on an idle machine of equal cores). */
export async function coreCeiling(cores = availableParallelism()): Promise<number> {
  const one = await countRounds(1);
  const all = await countRounds(cores);
  return all / one;
}
