import type {ClusterSummary} from "../../index.ts";
import {formatRatio, formatShare, formatValue} from "../format.ts";
import {formatCountOf} from "../view.ts";

/**
 * What a screen reader says for a cluster's row, in place of the grid of numbers: "cluster 3, 120 points, drift
 * ratio 0.42 toward production, production 12% / training 4% of points, accuracy 0.91 / 0.88". Without a
 * reference, the primary's figures only: "cluster 3, 120 points, production 12% of points, accuracy 0.91".
 */
export function rowLabel(
  s: ClusterSummary,
  [primary, reference]: readonly [string, string],
  metricLabel: string | null,
  hasReference = true
): string {
  const parts = [`cluster ${s.id}`, formatCountOf(s.size, "point")];
  if (hasReference) {
    const ratio = s.driftRatio ?? 0;
    const toward = ratio > 0 ? ` toward ${primary}` : ratio < 0 ? ` toward ${reference}` : "";
    parts.push(
      `drift ratio ${formatRatio(s.driftRatio)}${toward}`,
      `${primary} ${formatShare(s.primaryShare)} / ${reference} ${formatShare(s.referenceShare)} of points`
    );
  } else parts.push(`${primary} ${formatShare(s.primaryShare)} of points`);
  if (metricLabel !== null)
    parts.push(
      hasReference
        ? `${metricLabel} ${formatValue(s.metric?.primary)} / ${formatValue(s.metric?.reference)}`
        : `${metricLabel} ${formatValue(s.metric?.primary)}`
    );
  return parts.join(", ");
}
