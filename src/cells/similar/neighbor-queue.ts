/**
 * The k best (smallest distance) of a stream of offers, as a binary max-heap on (distance, dataset, row): the
 * worst kept sits at the top, so an offer no better than it costs one comparison. The order is total, so ties
 * resolve the same way whatever the order of the offers.
 */
export class NeighborQueue {
  private readonly distance: Float64Array;
  private readonly dataset: Uint8Array;
  private readonly row: Int32Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.distance = new Float64Array(k);
    this.dataset = new Uint8Array(k);
    this.row = new Int32Array(k);
  }

  offer(distance: number, dataset: number, row: number): void {
    if (this.size < this.k) {
      this.put(this.size, distance, dataset, row);
      this.siftUp(this.size++);
    } else if (this.before(distance, dataset, row, 0)) {
      this.put(0, distance, dataset, row);
      this.siftDown(0);
    }
  }

  /** What was kept, best first. */
  sorted(): {distance: Float64Array; dataset: Uint8Array; row: Int32Array} {
    const order = Array.from({length: this.size}, (_, i) => i).sort((a, b) =>
      this.before(this.distance[a]!, this.dataset[a]!, this.row[a]!, b) ? -1 : 1
    );
    return {
      distance: Float64Array.from(order, (i) => this.distance[i]!),
      dataset: Uint8Array.from(order, (i) => this.dataset[i]!),
      row: Int32Array.from(order, (i) => this.row[i]!)
    };
  }

  /** Whether (distance, dataset, row) ranks before the entry at `i`. */
  private before(distance: number, dataset: number, row: number, i: number): boolean {
    if (distance !== this.distance[i]) return distance < this.distance[i]!;
    if (dataset !== this.dataset[i]) return dataset < this.dataset[i]!;
    return row < this.row[i]!;
  }

  private ranksBefore(i: number, j: number): boolean {
    return this.before(this.distance[i]!, this.dataset[i]!, this.row[i]!, j);
  }

  private put(i: number, distance: number, dataset: number, row: number): void {
    this.distance[i] = distance;
    this.dataset[i] = dataset;
    this.row[i] = row;
  }

  private swap(i: number, j: number): void {
    const [d, s, r] = [this.distance[i]!, this.dataset[i]!, this.row[i]!];
    this.put(i, this.distance[j]!, this.dataset[j]!, this.row[j]!);
    this.put(j, d, s, r);
  }

  // Max-heap: a parent ranks after (is worse than) its children.
  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.ranksBefore(parent, i)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.size && this.ranksBefore(worst, left)) worst = left;
      if (right < this.size && this.ranksBefore(worst, right)) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}
