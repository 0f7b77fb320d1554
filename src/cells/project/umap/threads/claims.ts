/**
 * Work handed out in turn over shared memory ([next, stop]): each thread claims the next piece with one
 * atomic add, so a thread on a slower core (or one the machine pauses) simply claims fewer pieces, and the
 * threads finish together. `stop` is raised by a thread whose offer buffer is full, so that every thread
 * ends the round then instead of the faster ones waiting for the slower to fill its own. Which thread does
 * which piece depends on timing: what is built this way is not bit-reproducible (threads: "auto" only).
 */
export class Claims {
  constructor(private readonly state: Int32Array) {}

  /** The shared state of new claims, to send to each thread. */
  static state(): Int32Array {
    return new Int32Array(new SharedArrayBuffer(8));
  }

  /** The next piece's index: 0, 1, 2, … across all threads, each index to one of them. */
  next(): number {
    return Atomics.add(this.state, 0, 1);
  }

  /** Ends the round for every thread. */
  stop(): void {
    Atomics.store(this.state, 1, 1);
  }

  get stopped(): boolean {
    return Atomics.load(this.state, 1) === 1;
  }

  /** Claims start again from the first piece (only while no thread claims). */
  static restart(state: Int32Array): void {
    Atomics.store(state, 0, 0);
    Atomics.store(state, 1, 0);
  }

  /** A new round of the same pieces (only while no thread claims). */
  static resume(state: Int32Array): void {
    Atomics.store(state, 1, 0);
  }
}
