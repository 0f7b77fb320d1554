import {checkField, SETTINGS_FIELDS, type SettingsFields} from "./fields.ts";

/**
 * The settings' value, in the shape px.project and px.cluster take: `px.project(datasets, {embedding,
 * ...settings.project})` and `px.cluster(projection, settings.cluster)`.
 */
export interface ProjectionSettings {
  /** px.project's options. */
  readonly project: {
    readonly nComponents: 2 | 3;
    readonly nNeighbors: number;
    readonly minDist: number;
    readonly samples: number;
  };
  /** px.cluster's options. */
  readonly cluster: {
    readonly minClusterSize: number;
    readonly minSamples: number;
    readonly clusterSelectionEpsilon: number;
  };
}

/** The flat fields grouped by the call that takes them. */
export const settingsValue = (f: SettingsFields): ProjectionSettings => ({
  project: {nComponents: f.nComponents, nNeighbors: f.nNeighbors, minDist: f.minDist, samples: f.samples},
  cluster: {
    minClusterSize: f.minClusterSize,
    minSamples: f.minSamples,
    clusterSelectionEpsilon: f.clusterSelectionEpsilon
  }
});

/** The flat fields of a value. */
export const settingsFields = (value: ProjectionSettings): SettingsFields => ({
  ...value.project,
  ...value.cluster
});

const SHAPE = "expected {project: {…}, cluster: {…}}";
const GROUPS = ["project", "cluster"] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A value given to the settings from outside their controls (the runner's `--set settings=…`), checked as the
 * controls check what is typed: both groups, every field, each in its range. Throws a RangeError naming the
 * field (`project.nComponents: dimensions must be from 2 to 3, not 4`).
 *
 * @param value - The value given, in the shape of the settings' value.
 */
export function checkSettingsValue(value: unknown): ProjectionSettings {
  if (!isRecord(value)) throw new RangeError(`${SHAPE}, not ${JSON.stringify(value) ?? String(value)}`);
  const stray = Object.keys(value).find((key) => !(GROUPS as readonly string[]).includes(key));
  if (stray !== undefined) throw new RangeError(`${SHAPE}: unknown key "${stray}"`);
  const fields: Record<string, number> = {};
  for (const group of GROUPS) {
    const given = value[group];
    if (!isRecord(given))
      throw new RangeError(`${SHAPE}: ${group} is ${given === undefined ? "missing" : "not an object"}`);
    const own = SETTINGS_FIELDS.filter((f) => f.group === group);
    const unknown = Object.keys(given).find((key) => !own.some((f) => f.name === key));
    if (unknown !== undefined)
      throw new RangeError(
        `${group}: unknown key "${unknown}" (expected ${own.map((f) => f.name).join(", ")})`
      );
    for (const field of own) {
      if (!(field.name in given)) throw new RangeError(`${group}.${field.name} is missing`);
      const checked = checkField(field, given[field.name]);
      if (!checked.ok) throw new RangeError(`${group}.${field.name}: ${checked.message}`);
      fields[field.name] = checked.value;
    }
  }
  return settingsValue(fields as unknown as SettingsFields);
}
