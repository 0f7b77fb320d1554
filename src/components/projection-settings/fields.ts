/** The settings, flat: what `phx.projectionSettings(defaults)` takes, each field optional there. */
export interface SettingsFields {
  /** Dimensions of the projection: 2 or 3. */
  readonly nComponents: 2 | 3;
  /** UMAP neighbours: an integer from 5 to 100. */
  readonly nNeighbors: number;
  /** UMAP minimum distance: from 0 to 0.99. */
  readonly minDist: number;
  /** Points sampled per dataset: an integer from 100 to 100,000. */
  readonly samples: number;
  /** HDBSCAN's smallest cluster: an integer ≥ 2. */
  readonly minClusterSize: number;
  /** HDBSCAN's core neighbours: an integer ≥ 1. */
  readonly minSamples: number;
  /** HDBSCAN's merge distance: a number ≥ 0. */
  readonly clusterSelectionEpsilon: number;
}

/** One control; ranges and defaults are Phoenix's UI's (../shared/PHOENIX.md, "Point cloud: UMAP then HDBSCAN"). */
export interface SettingsField {
  /** The setting's option name, as px.project or px.cluster takes it. */
  readonly name: keyof SettingsFields;
  /** Which call takes it: px.project or px.cluster. */
  readonly group: "project" | "cluster";
  /** The control's label. */
  readonly label: string;
  /** The smallest value allowed. */
  readonly min: number;
  /** Default: no upper bound. */
  readonly max?: number;
  /** Whether only integers are allowed. */
  readonly integer: boolean;
  /** The step of the number input's arrows. */
  readonly step: number;
}

/** The controls, in order: px.project's four, then px.cluster's three. */
export const SETTINGS_FIELDS: readonly SettingsField[] = [
  {name: "nComponents", group: "project", label: "dimensions", min: 2, max: 3, integer: true, step: 1},
  {name: "nNeighbors", group: "project", label: "n neighbors", min: 5, max: 100, integer: true, step: 1},
  {name: "minDist", group: "project", label: "min dist", min: 0, max: 0.99, integer: false, step: 0.01},
  {
    name: "samples",
    group: "project",
    label: "samples per dataset",
    min: 100,
    max: 100_000,
    integer: true,
    step: 100
  },
  {name: "minClusterSize", group: "cluster", label: "min cluster size", min: 2, integer: true, step: 1},
  {name: "minSamples", group: "cluster", label: "min samples", min: 1, integer: true, step: 1},
  {
    name: "clusterSelectionEpsilon",
    group: "cluster",
    label: "cluster selection epsilon",
    min: 0,
    integer: false,
    step: 0.01
  }
];

/** Phoenix's defaults. */
export const SETTINGS_DEFAULTS: SettingsFields = {
  nComponents: 3,
  nNeighbors: 30,
  minDist: 0,
  samples: 500,
  minClusterSize: 10,
  minSamples: 1,
  clusterSelectionEpsilon: 0
};

/** A control's value checked against its range: the number, or why it is refused. */
export type Checked = {ok: true; value: number} | {ok: false; message: string};

const range = (field: SettingsField) =>
  field.max === undefined ? `at least ${field.min}` : `from ${field.min} to ${field.max}`;

/**
 * Checks a value typed or passed for a field: a finite number (an integer where asked) in its range.
 *
 * @param field - The control whose range applies.
 * @param input - The value: a number, or the text typed (empty text is refused).
 */
export function checkField(field: SettingsField, input: unknown): Checked {
  const value = typeof input === "string" ? (input.trim() === "" ? NaN : Number(input)) : input;
  const kind = field.integer ? "an integer" : "a number";
  if (typeof value !== "number" || !Number.isFinite(value) || (field.integer && !Number.isInteger(value)))
    return {ok: false, message: `${field.label} must be ${kind} ${range(field)}`};
  if (value < field.min || (field.max !== undefined && value > field.max))
    return {ok: false, message: `${field.label} must be ${range(field)}, not ${value}`};
  return {ok: true, value};
}
