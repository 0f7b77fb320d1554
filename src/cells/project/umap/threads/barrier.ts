/**
 * A barrier for `parties` threads over shared memory ([arrived, generation]): each `wait()` returns once every
 * party has called it in the same round. Waiting threads sleep (Atomics.wait), so a busy machine that pauses one
 * party does not make the others spin.
 */
export class Barrier {
  constructor(
    private readonly state: Int32Array,
    private readonly parties: number
  ) {}

  /** The shared state of a new barrier, to send to each party. */
  static state(): Int32Array {
    return new Int32Array(new SharedArrayBuffer(8));
  }

  wait(): void {
    const state = this.state;
    const generation = Atomics.load(state, 1);
    if (Atomics.add(state, 0, 1) === this.parties - 1) {
      Atomics.store(state, 0, 0);
      Atomics.add(state, 1, 1);
      Atomics.notify(state, 1);
      return;
    }
    while (Atomics.load(state, 1) === generation) Atomics.wait(state, 1, generation);
  }
}
