import type {FeatureDrift} from "../../index.ts";

/** The table's order: by drift value, either way (NaN last), or as given. */
export type DriftOrder = "descending" | "ascending" | "none";

export function sortDrift(drift: readonly FeatureDrift[], order: DriftOrder): FeatureDrift[] {
  const rows = [...drift];
  if (order === "none") return rows;
  const sign = order === "descending" ? -1 : 1;
  // A stable sort keeps the given order among equal values.
  return rows.sort((a, b) => {
    const [na, nb] = [Number.isNaN(a.value), Number.isNaN(b.value)];
    if (na || nb) return na === nb ? 0 : na ? 1 : -1;
    return sign * (a.value - b.value);
  });
}

/** The next order when the header is clicked. */
export const nextOrder = (order: DriftOrder): DriftOrder =>
  order === "descending" ? "ascending" : "descending";
