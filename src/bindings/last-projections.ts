// The last projection of each dataset pair, by its full options. A projection cell that runs again with the
// options it had (a settings panel whose clustering changed, not its projection: one view value feeds both)
// gets the projection it had, without a worker. A baked projection is registered when the page reads it, so
// that such a run on a baked page projects nothing either.
import type {Dataset, Projection, ResolvedProjectOptions} from "../index.ts";

const SINGLE = {};

/** Options as text with sorted keys and undefined as null: a baked projection's options read back equal. */
function optionsKey(options: ResolvedProjectOptions): string {
  const entries = Object.entries(options)
    .map(([name, value]) => [name, value ?? null] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/** One projection per dataset pair (object identity), freed with its datasets. */
export class LastProjections {
  readonly #last = new WeakMap<Dataset, WeakMap<object, {key: string; projection: Projection}>>();

  /** The last projection of these datasets if it was made with exactly these options. */
  get(datasets: readonly Dataset[], options: ResolvedProjectOptions): Projection | undefined {
    const last = this.#last.get(datasets[0]!)?.get(datasets[1] ?? SINGLE);
    return last?.key === optionsKey(options) ? last.projection : undefined;
  }

  /** Remembers a projection in place of its datasets' last one. */
  set(projection: Projection): void {
    const [primary, reference] = projection.datasets;
    if (!primary) return;
    let byReference = this.#last.get(primary);
    if (!byReference) this.#last.set(primary, (byReference = new WeakMap()));
    byReference.set(reference ?? SINGLE, {key: optionsKey(projection.options), projection});
  }
}

/** The page's or the run's: px.project reads and fills it, the projection bake codec fills it. */
export const lastProjections = new LastProjections();
