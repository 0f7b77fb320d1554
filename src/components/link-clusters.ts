import type {PhxClusterExplorer} from "./cluster-explorer/cluster-explorer.ts";
import type {PhxPointCloud} from "./point-cloud/point-cloud.ts";
import {emitInput} from "./view.ts";

// One link per cloud: linking again (the linking cell re-ran, or the explorer was re-made) replaces it.
const links = new WeakMap<PhxPointCloud, AbortController>();

/**
 * Links a point cloud and a cluster explorer both ways, through the user's actions only: picking a cluster
 * rings its points in the cloud (its `highlight`); clicking a point (or Enter on the cloud's point cursor)
 * picks the point's cluster in the explorer (none for noise) and fires the explorer's `input`, as a pick by
 * hand would. Neither view is re-created.
 *
 * @param cloud - The point cloud, with `clusters`.
 * @param explorer - The cluster explorer of the same clustering.
 */
export function linkClusters(cloud: PhxPointCloud, explorer: PhxClusterExplorer): void {
  links.get(cloud)?.abort();
  const link = new AbortController();
  links.set(cloud, link);
  const {signal} = link;
  explorer.addEventListener("input", () => (cloud.highlight = explorer.value?.points), {signal});
  cloud.addEventListener(
    "input",
    () => {
      const point = cloud.value;
      if (point.length !== 1 || !cloud.clusters) return;
      const id = cloud.clusters.labels[point[0]!];
      const picked = explorer.summary.find((s) => s.id === id) ?? null;
      if ((explorer.value?.id ?? null) === (picked?.id ?? null)) return;
      explorer.value = picked;
      emitInput(explorer);
    },
    {signal}
  );
}
