/**
 * The view protocol that `viewof` relies on: a `value` property, and a bubbling `input` event when the user
 * changes it. Setting `value` from code does not fire `input`, as with Observable Inputs.
 */
export function emitInput(view: EventTarget): void {
  view.dispatchEvent(new Event("input", {bubbles: true, composed: true}));
}

/**
 * Gives a view given new data the value it has there: `next`, what its value named found in the new data (or
 * null when it is gone). When that is another value, `input` fires, as for a change by the user: the cells and
 * links that read the old value hold something of the old data.
 */
export function followValue<T>(view: EventTarget & {value: T}, next: T): void {
  if (next === view.value) return;
  view.value = next;
  emitInput(view);
}

/**
 * followValue for a view whose value is one of its `items` (a cluster, a feature): the item of the new
 * `items` with the old value's key, or null when there is none. A view with no value keeps none.
 */
export function followItem<T>(
  view: EventTarget & {value: T | null},
  items: unknown,
  key: (item: T) => unknown
): void {
  const old = view.value;
  if (old === null || old === undefined) return;
  const wanted = key(old);
  followValue(
    view,
    Array.isArray(items) ? ((items as T[]).find((item) => key(item) === wanted) ?? null) : null
  );
}

/** What the headless runner prints for a view (its toJSON): the tag and a line of text, like any element. */
export interface ViewSummary {
  /** Always "element", as for any element the runner prints. */
  readonly type: "element";
  /** The element's tag name: "phx-point-cloud", … */
  readonly tag: string;
  /** One line on what the view shows and what is selected. */
  readonly text: string;
}

export const viewSummary = (view: Element, text: string): ViewSummary => ({
  type: "element",
  tag: view.localName,
  text
});

/** "1,234" in English whatever the machine's locale, so summaries are stable across runs. */
export const formatCount = (n: number): string => n.toLocaleString("en-US");

/** "1 window", "2 windows", "1,234 points": a count with its noun, singular for exactly one. */
export const formatCountOf = (n: number, noun: string, plural = `${noun}s`): string =>
  `${formatCount(n)} ${n === 1 ? noun : plural}`;
