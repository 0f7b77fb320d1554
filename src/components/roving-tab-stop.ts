import type {ReactiveControllerHost} from "lit";

/**
 * One tab stop for a list of rows (the roving tabindex pattern): the row Tab lands on is the one the focus
 * was last in, else the picked row, else the first; the others take tabindex −1, so a keyboard user passes a
 * list of any length with one Tab and moves within it by the arrow keys.
 *
 * Rows are named by a key (a cluster id, a feature name), so the stop stays on its row across a re-sort. A
 * pick made while the focus is outside the list (from code: phx.linkClusters) moves the stop to the pick.
 * The host renders its rows keyed (lit's `repeat`) and calls `keepFocus` once they are in the DOM.
 */
export class RovingTabStop<K> {
  #focused: K | null = null;
  #picked: K | null = null;
  #keys: readonly K[] = [];
  // Whether a row had the focus as the host rendered: it must have it again once the rows are updated.
  #hadFocus = false;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /**
   * The key whose row is the tab stop among `keys` (in display order), given the picked row's key (null:
   * none). A pick that changed since the last call while `focusInside` is false forgets the focused row; a
   * focused row gone from `keys` while `focusInside` passes the focus to its neighbour (see `neighbour`).
   */
  stop(keys: readonly K[], picked: K | null, focusInside: boolean): K | undefined {
    if (picked !== this.#picked && !focusInside) this.#focused = null;
    this.#picked = picked;
    if (focusInside && this.#focused !== null && !keys.includes(this.#focused))
      this.#focused = neighbour(this.#keys, keys, this.#focused);
    this.#keys = keys;
    this.#hadFocus = focusInside;
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

  /**
   * After the host's update: when a row had the focus as it rendered and none has it now, focuses the
   * stop's row, the first of `rows` (a selector in `root`) with tabindex 0. A row the update removed loses
   * the focus, and so does one it moved: the browser blurs an element taken out of the DOM, even to be put
   * back.
   */
  keepFocus(root: ShadowRoot, rows: string): void {
    if (!this.#hadFocus) return;
    this.#hadFocus = false;
    if (root.activeElement?.matches(rows)) return;
    root.querySelector<HTMLElement>(`${rows}[tabindex="0"]`)?.focus();
  }
}

/**
 * The row to take the focus from `gone`, a row no longer in `now`: the first after it in the order the reader
 * saw (`before`) that is still there, as a list box moves on from a deleted item; at the end of the list the
 * nearest before it; null when none of those rows is left (the stop falls back to the pick, else the first).
 */
export function neighbour<K>(before: readonly K[], now: readonly K[], gone: K): K | null {
  const kept = new Set(now);
  const at = before.indexOf(gone);
  if (at < 0) return null;
  for (let k = at + 1; k < before.length; ++k) if (kept.has(before[k]!)) return before[k]!;
  for (let k = at - 1; k >= 0; --k) if (kept.has(before[k]!)) return before[k]!;
  return null;
}
