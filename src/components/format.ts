// Number formats shared by the views; English whatever the machine's locale, so text is stable in tests.

const significant = new Intl.NumberFormat("en-US", {maximumSignificantDigits: 3});

/** A metric or divergence: 3 significant digits; "—" for null or NaN. */
export const formatValue = (value: number | null | undefined): string =>
  value === null || value === undefined || Number.isNaN(value) ? "—" : significant.format(value);

/** A share in [0, 1] as a percentage; "—" for null. */
export const formatShare = (share: number | null): string =>
  share === null ? "—" : `${(share * 100).toFixed(share > 0 && share < 0.01 ? 1 : 0)}%`;

/** A drift ratio in [−1, 1] with its sign; "—" for null. */
export const formatRatio = (ratio: number | null): string =>
  ratio === null ? "—" : `${ratio > 0 ? "+" : ratio < 0 ? "−" : ""}${Math.abs(ratio).toFixed(2)}`;

/** An epoch-ms time as "2023-05-01 13:00" (UTC, the timestamps' own zone). */
export const formatTime = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace("T", " ");
