// px.project's result baked: the coordinates one column per component, each point's dataset and row, and in
// the metadata the options and the datasets it refers to (found among the cell's inputs when read back).
import {projectionWarnings, type Projection, type ResolvedProjectOptions} from "../../index.ts";
import type {BakeCodec} from "../../runtime/bake/codec.ts";
import {lastProjections} from "../last-projections.ts";
import {decodeTable, encodeTable, findDataset, refOf, type DatasetRef} from "./arrow-meta.ts";

interface ProjectionMeta {
  readonly embedding: string;
  readonly nComponents: 2 | 3;
  readonly options: ResolvedProjectOptions;
  readonly datasets: readonly DatasetRef[];
}

const AXES = ["x", "y", "z"] as const;

export const projectionCodec: BakeCodec<Projection> = {
  name: "px.projection",
  automatic: true,
  accepts(value): value is Projection {
    if (typeof value !== "object" || value === null) return false;
    const p = value as Partial<Projection>;
    return (
      p.coordinates instanceof Float32Array &&
      (p.nComponents === 2 || p.nComponents === 3) &&
      p.dataset instanceof Uint8Array &&
      p.row instanceof Int32Array &&
      Array.isArray(p.datasets) &&
      typeof p.embedding === "string"
    );
  },
  encode(projection) {
    const {coordinates, nComponents, dataset, row} = projection;
    const columns: Record<string, ArrayLike<number>> = {dataset, row};
    for (let axis = 0; axis < nComponents; ++axis) {
      const values = new Float32Array(row.length);
      for (let i = 0; i < row.length; ++i) values[i] = coordinates[i * nComponents + axis]!;
      columns[AXES[axis]!] = values;
    }
    const meta: ProjectionMeta = {
      embedding: projection.embedding,
      nComponents,
      options: projection.options,
      datasets: projection.datasets.map(refOf)
    };
    return Promise.resolve(encodeTable(columns, meta));
  },
  decode(bytes, {inputs}) {
    const {table, meta} = decodeTable<ProjectionMeta>(bytes, "projection");
    const datasets = meta.datasets.map((ref) => findDataset(inputs, ref));
    const n = table.numRows;
    const coordinates = new Float32Array(n * meta.nComponents);
    for (let axis = 0; axis < meta.nComponents; ++axis) {
      const values = table.getChild(AXES[axis]!)!.toArray() as Float32Array;
      for (let i = 0; i < n; ++i) coordinates[i * meta.nComponents + axis] = values[i]!;
    }
    // JSON drops the options left undefined; they come back as such.
    const options = {
      ...meta.options,
      nEpochs: meta.options.nEpochs ?? undefined,
      // Bakes from before px.project took threads ran on one.
      threads: meta.options.threads ?? 1,
      timeRange: meta.options.timeRange ?? undefined
    };
    const projection: Projection = {
      coordinates,
      nComponents: meta.nComponents,
      dataset: Uint8Array.from(table.getChild("dataset")!.toArray() as Uint8Array),
      row: Int32Array.from(table.getChild("row")!.toArray() as Int32Array),
      datasets,
      embedding: meta.embedding,
      options,
      warnings: projectionWarnings(options, n)
    };
    lastProjections.set(projection);
    return Promise.resolve(projection);
  }
};
