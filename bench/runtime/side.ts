import type {CellTracker} from "./tracker.ts";

/** One way of running the generated notebook; the bench times each the same way. */
export interface Side {
  /** Its row label in the tables. */
  readonly label: string;
  /** Untimed work before `start`, as a build step would do ahead of the page (none for most sides). */
  prepare?(html: string): void | Promise<void>;
  /**
   * Defines the notebook and starts computing it, reporting each cell to `tracker` by its index in the graph.
   * Everything it does is inside the timed first render: ours starts from the notebook's HTML.
   */
  start(html: string, builtins: Record<string, unknown>, tracker: CellTracker): {dispose(): void};
}
