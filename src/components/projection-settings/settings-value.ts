import type {SettingsFields} from "./fields.ts";

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
