import type {ReactiveControllerHost} from "lit";

/**
 * One tab stop for a list of rows (the roving tabindex pattern): the row Tab lands on is the one the focus
 * was last in, else the picked row, else the first; the others take tabindex −1, so a keyboard user passes a
 * list of any length with one Tab and moves within it by the arrow keys.
 *
 * Rows are named by a key (a cluster id, a feature name), so the stop stays on its row across a re-sort. A
 * pick made while the focus is outside the list (from code: phx.linkClusters) moves the stop to the pick.
 */
export class RovingTabStop<K> {
  #focused: K | null = null;
  #picked: K | null = null;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /**
   * The key whose row is the tab stop among `keys` (in display order), given the picked row's key (null:
   * none). A pick that changed since the last call while `focusInside` is false forgets the focused row.
   */
  stop(keys: readonly K[], picked: K | null, focusInside: boolean): K | undefined {
    if (picked !== this.#picked && !focusInside) this.#focused = null;
    this.#picked = picked;
    if (this.#focused !== null && keys.includes(this.#focused)) return this.#focused;
    if (picked !== null && keys.includes(picked)) return picked;
    return keys[0];
  }

  /** A row took the focus (by the arrows, a click, or Tab): it becomes the stop. */
  focused(key: K): void {
    if (key === this.#focused) return;
    this.#focused = key;
    this.#host.requestUpdate();
  }
}
