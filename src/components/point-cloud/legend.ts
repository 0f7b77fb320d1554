import {html, nothing, type TemplateResult} from "lit";
import {formatCount} from "../view.ts";
import type {LegendEntryKind} from "./categories.ts";
import type {PointLegend} from "./point-colors.ts";

/** The most entries drawn as buttons; past it, the first ones and the last ("noise", "other", "missing"). */
export const LEGEND_BUTTONS = 24;

/**
 * The key under the points: the title, then each entry (a value, "other", "missing", or for numbers the range
 * on a ramp) with its count, as a toggle button: a click hides or shows its points. The buckets ("other",
 * "missing") are set in italics, apart from values of those names (which are quoted). Labels are text bindings,
 * so a value such as "<img onerror=…>" shows as those characters. Hundreds of clusters would be hundreds of
 * buttons (a quarter of a second to lay out at each recoloring): past LEGEND_BUTTONS entries the first ones
 * and the last are drawn, and the rest counted ("+ 212 more"); the element's `legend` lists them all.
 */
export function legend(
  key: PointLegend | undefined,
  hidden: ReadonlySet<number>,
  toggle: (entry: number) => void
): TemplateResult | typeof nothing {
  if (!key) return nothing;
  const total = key.entries.length;
  const shownEntries =
    total > LEGEND_BUTTONS
      ? [...key.entries.keys()].filter((k) => k < LEGEND_BUTTONS - 1 || k === total - 1)
      : [...key.entries.keys()];
  const more = total - shownEntries.length;
  return html`<span class="legend-title">${key.title}</span> ${shownEntries.map((k) => {
      const entry = key.entries[k]!;
      const swatch =
        entry.color === "" ? html`<i class="ramp"></i>` : html`<i style="background: ${entry.color}"></i>`;
      const shown = !hidden.has(k);
      // The label is isolated (<bdi>) so that an Arabic or Hebrew value leaves its count after it, and cut with
      // an ellipsis when long (styles.ts): the title shows all of it, and the text, whole, is the button's name.
      return html`<button
        class=${entry.kind === "other" || entry.kind === "missing" ? "key bucket" : "key"}
        aria-pressed=${shown ? "true" : "false"}
        title="${entry.label}: ${shown ? "hide" : "show"} these points"
        @click=${() => toggle(k)}
      >
        ${swatch}<bdi>${entry.label}</bdi> <span class="count">${formatCount(entry.count)}</span>
      </button>`;
    })}${more ? html`<span class="more">+ ${formatCount(more)} more</span>` : nothing}`;
}

/** A legend entry as the element exposes it: its label, color, count, and whether its points are hidden. */
export interface ShownLegendEntry {
  /**
   * The value as text (a JSON string, `"other"`, where it would read as a bucket), "other", "missing", for
   * numbers the range ("0.1 – 9.8"), or "-∞" and "∞".
   */
  readonly label: string;
  /** "value", "range", or a bucket: "other" (values past the ten most frequent) or "missing" (no value). */
  readonly kind: LegendEntryKind;
  /** CSS color of its points ("" for a range, drawn as a ramp). */
  readonly color: string;
  /** How many points it colors. */
  readonly count: number;
  /** Whether a legend click hid its points. */
  readonly hidden: boolean;
}

/** The legend as the element exposes it (`element.legend`). */
export interface ShownLegend {
  /** What the colors mean: "dataset", "cluster", a column's name, … */
  readonly title: string;
  /** Each entry with its count and whether a legend click hid its points. */
  readonly entries: ShownLegendEntry[];
  /** For numbers: the smallest and largest finite value. Null for categories. */
  readonly range: readonly [number, number] | null;
}

/** `key` with each entry marked hidden or not. */
export function shownLegend(key: PointLegend | undefined, hidden: ReadonlySet<number>): ShownLegend | null {
  if (!key) return null;
  const entries = key.entries.map((e, k) => ({...e, hidden: hidden.has(k)}));
  return {title: key.title, entries, range: key.range};
}

/** The indices where `hidden` is 1, ascending. */
export function hiddenPointIndices(hidden: Uint8Array | undefined): Int32Array {
  if (!hidden) return new Int32Array(0);
  const points: number[] = [];
  for (let i = 0; i < hidden.length; ++i) if (hidden[i]) points.push(i);
  return Int32Array.from(points);
}

/**
 * After a recoloring, the entries of `after` hidden because an entry of the same kind and label was hidden in
 * `before`: reclustering keeps "noise" hidden, and the other bucket stays apart from a value named "other".
 */
export function keptHiddenEntries(
  before: PointLegend | undefined,
  after: PointLegend,
  hidden: ReadonlySet<number>
): Set<number> {
  const key = (e: {kind: LegendEntryKind; label: string}) => `${e.kind}:${e.label}`;
  const keys = new Set([...hidden].flatMap((k) => (before?.entries[k] ? [key(before.entries[k])] : [])));
  return new Set(after.entries.flatMap((e, k) => (keys.has(key(e)) ? [k] : [])));
}
