import {html, nothing, type TemplateResult} from "lit";
import {formatCount} from "../view.ts";
import type {PointLegend} from "./point-colors.ts";

/** The most entries drawn as buttons; past it, the first ones and the last ("noise", "other", "missing"). */
export const LEGEND_BUTTONS = 24;

/**
 * The key under the points: the title, then each entry (a value, "other", "missing", or for numbers the range
 * on a ramp) with its count, as a toggle button: a click hides or shows its points. Labels are text bindings,
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
      return html`<button
        class="key"
        aria-pressed=${shown ? "true" : "false"}
        title=${shown ? "hide these points" : "show these points"}
        @click=${() => toggle(k)}
      >
        ${swatch}${entry.label} <span class="count">${formatCount(entry.count)}</span>
      </button>`;
    })}${more ? html`<span class="more">+ ${formatCount(more)} more</span>` : nothing}`;
}
