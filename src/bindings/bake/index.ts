// The bake codecs of px's results, which NotebookPlugin.bakeCodecs hands the runtime (build and page alike).
import type {BakeCodec} from "../../runtime/bake/codec.ts";
import {clusteringCodec} from "./clustering.ts";
import {embeddingCodec} from "./embedding.ts";
import {projectionCodec} from "./projection.ts";

/** px.project's, px.cluster's and px.embed's results: baked in every cell that holds one. */
export const pxCodecs: readonly BakeCodec[] = [
  projectionCodec as BakeCodec,
  clusteringCodec as BakeCodec,
  embeddingCodec as BakeCodec
];
