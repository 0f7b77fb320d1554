import {html, nothing, type TemplateResult} from "lit";
import {formatCount} from "../view.ts";
import type {PointLegend} from "./point-colors.ts";

/**
 * The key under the points: the title, then each entry (a value, "other", "missing", or for numbers the range
 * on a ramp) with its count, as a toggle button: a click hides or shows its points. Labels are text bindings,
 * so a value such as "<img onerror=…>" shows as those characters.
 */
export function legend(
  key: PointLegend | undefined,
  hidden: ReadonlySet<number>,
  toggle: (entry: number) => void
): TemplateResult | typeof nothing {
  if (!key) return nothing;
  return html`<span class="legend-title">${key.title}</span> ${key.entries.map((entry, k) => {
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
    })}`;
}
