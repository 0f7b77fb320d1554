// The cluster cell's public surface: HDBSCAN as Phoenix runs it on the projected point cloud.
export {cluster, clusterDefaults, resolveClusterOptions} from "./cluster.ts";
export type {ClusterOptions, Clustering, PointSet, ResolvedClusterOptions} from "./cluster.ts";
export {ClusterError} from "./errors.ts";
