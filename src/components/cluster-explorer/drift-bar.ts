import {html, type TemplateResult} from "lit";
import {formatRatio} from "../format.ts";

/**
 * A drift ratio as a bar from the middle of a track: rightward in the primary color (only production at +1),
 * leftward in the reference color (only reference at −1).
 */
export function driftBar(ratio: number | null): TemplateResult {
  if (ratio === null) return html`<span class="bar empty" aria-label="no reference">—</span>`;
  const width = Math.min(1, Math.abs(ratio)) * 50;
  const style =
    ratio >= 0
      ? `left: 50%; width: ${width}%; background: var(--phx-primary)`
      : `left: ${50 - width}%; width: ${width}%; background: var(--phx-reference)`;
  return html`<span class="bar" role="img" aria-label=${`drift ratio ${formatRatio(ratio)}`}>
    <span class="fill" style=${style}></span><span class="mid"></span>
  </span>`;
}
