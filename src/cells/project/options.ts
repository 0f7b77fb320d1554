import {UmapError} from "./umap/errors.ts";
import {resolveThreads} from "./umap/options.ts";
import {checkTimeRange} from "../dataset/time-range.ts";
import {checkOptions} from "../options.ts";
import {PROJECT_OPTIONS, type ProjectOptions, type ResolvedProjectOptions} from "./projection.ts";

/**
 * Checks and completes `project`'s options; errors name the option and the bad value.
 *
 * @param options - px.project's options as given.
 */
export function resolveProjectOptions(options: ProjectOptions): ResolvedProjectOptions {
  checkOptions("px.project", options, PROJECT_OPTIONS);
  const {
    embedding,
    nComponents = 3,
    nNeighbors = 30,
    minDist = 0,
    samples = 500,
    nEpochs,
    metric = "euclidean",
    seed = 0,
    threads = 1
  } = options;
  if (typeof embedding !== "string" || !embedding)
    throw new TypeError("project: options.embedding must name an embedding feature");
  if (nComponents !== 2 && nComponents !== 3)
    throw new UmapError("layout", `nComponents must be 2 or 3, not ${nComponents}`);
  if (!(minDist >= 0 && minDist < 1))
    throw new UmapError("layout", `minDist must be in [0, 1), not ${minDist}`);
  if (!Number.isInteger(samples) || samples < 1)
    throw new RangeError(`project: samples must be a positive integer, not ${samples}`);
  if (metric !== "euclidean" && metric !== "cosine")
    throw new UmapError("knn", `unknown metric: "${metric}" (expected euclidean or cosine)`);
  if (!Number.isFinite(seed)) throw new RangeError(`project: seed must be a finite number, not ${seed}`);
  resolveThreads("knn", threads);
  return {
    embedding,
    nComponents,
    nNeighbors,
    minDist,
    samples,
    nEpochs,
    metric,
    seed,
    threads,
    timeRange:
      options.timeRange === undefined
        ? undefined
        : checkTimeRange("px.project", options.timeRange, "timeRange")
  };
}
