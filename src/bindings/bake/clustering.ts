// px.cluster's result baked: each point's label and membership probability; the sizes in the metadata.
import type {Clustering} from "../../index.ts";
import type {BakeCodec} from "../../runtime/bake/codec.ts";
import {decodeTable, encodeTable} from "./arrow-meta.ts";

interface ClusteringMeta {
  readonly sizes: number[];
  readonly nClusters: number;
}

export const clusteringCodec: BakeCodec<Clustering> = {
  name: "px.clustering",
  automatic: true,
  accepts(value): value is Clustering {
    if (typeof value !== "object" || value === null) return false;
    const c = value as Partial<Clustering>;
    return (
      c.labels instanceof Int32Array &&
      c.sizes instanceof Int32Array &&
      c.probabilities instanceof Float32Array &&
      typeof c.nClusters === "number"
    );
  },
  encode({labels, probabilities, sizes, nClusters}) {
    const meta: ClusteringMeta = {sizes: Array.from(sizes), nClusters};
    return Promise.resolve(encodeTable({label: labels, probability: probabilities}, meta));
  },
  decode(bytes) {
    const {table, meta} = decodeTable<ClusteringMeta>(bytes, "clustering");
    return Promise.resolve({
      labels: Int32Array.from(table.getChild("label")!.toArray() as Int32Array),
      probabilities: Float32Array.from(table.getChild("probability")!.toArray() as Float32Array),
      sizes: Int32Array.from(meta.sizes),
      nClusters: meta.nClusters
    });
  }
};
