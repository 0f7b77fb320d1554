import {html, nothing, type TemplateResult} from "lit";
import type {ColorBy, PointCloudData} from "./types.ts";

/** The key under the points: what each color means for the current `colorBy`. */
export function legend(data: PointCloudData | undefined, colorBy: ColorBy): TemplateResult | typeof nothing {
  if (!data) return nothing;
  if (colorBy === "dataset") {
    const [primary, reference] = data.datasets;
    return html`<span class="key"
        ><i style="background: var(--phx-primary)"></i>${primary?.name ?? "primary"}</span
      >
      ${
        reference
          ? html`<span class="key"><i style="background: var(--phx-reference)"></i>${reference.name}</span>`
          : nothing
      }`;
  }
  if (colorBy === "cluster")
    return html`<span class="key">colored by cluster</span>
      <span class="key"><i style="background: var(--phx-noise)"></i>noise</span>`;
  return html`<span class="key">low <i class="ramp"></i> high</span>`;
}
