import assert from "node:assert/strict";
import {test} from "node:test";
import {Field, FixedSizeList, Float32, Table, tableFromArrays, vectorFromArray} from "apache-arrow";
import * as px from "../../src/index.ts";
import {checkOptions, closestNames, type OptionKeys} from "../../src/cells/options.ts";

interface Example {
  readonly embedding: string;
  readonly timeRange?: unknown;
}
const EXAMPLE: OptionKeys<Example> = {embedding: true, timeRange: true};
// Options the types would refuse at compile time: notebooks are not type-checked.
const typo = (options: unknown) => options as never;

test("checkOptions() names the function, the unknown key and the closest known one", () => {
  assert.throws(() => checkOptions("px.example", typo({embeding: "e"}), EXAMPLE), {
    name: "TypeError",
    message: 'px.example: unknown option "embeding" (did you mean "embedding"?)'
  });
  assert.throws(() => checkOptions("px.example", typo({timerange: {}}), EXAMPLE), {
    message: 'px.example: unknown option "timerange" (did you mean "timeRange"?)'
  });
});

test("checkOptions() lists the known keys when none is close, and refuses options that are not an object", () => {
  assert.throws(() => checkOptions("px.example", typo({colour: "red"}), EXAMPLE), {
    message: 'px.example: unknown option "colour" (expected "embedding" or "timeRange")'
  });
  assert.throws(() => checkOptions("px.example", typo("e"), EXAMPLE), {
    message: 'px.example: options must be an object, not "e"'
  });
  checkOptions("px.example", {embedding: "e", timeRange: undefined}, EXAMPLE);
  checkOptions("px.example", undefined, EXAMPLE);
});

test("closestNames() takes a slip of a few letters, not another word, and every name that ties", () => {
  assert.deepEqual(closestNames("sampleInterval", ["samplingInterval", "evaluationWindow"]), [
    "samplingInterval"
  ]);
  assert.deepEqual(closestNames("bins", ["size", "seed"]), []);
  assert.deepEqual(closestNames("colums", ["method", "column", "columns"]), ["column", "columns"]);
});

// A tiny real dataset with an embedding: every px function gets a misspelled option and must name it.
const type = new FixedSizeList(2, new Field("item", new Float32(), true));
const table = new Table({
  ts: vectorFromArray([1_700_000_000, 1_700_000_060, 1_700_000_120]),
  v: vectorFromArray(
    [
      [0, 1],
      [1, 0],
      [1, 1]
    ],
    type
  ),
  x: vectorFromArray([1, 2, 3]),
  label: vectorFromArray(["a", "b", "a"])
});
const schema = {
  timestamp: "ts",
  predictionLabel: "label",
  actualLabel: "label",
  embeddings: {e: {vector: "v"}}
};
const data = px.fromTable(table, "three.arrow", {schema});
const projection: px.Projection = {
  coordinates: new Float32Array(6),
  nComponents: 2,
  dataset: new Uint8Array(3),
  row: Int32Array.of(0, 1, 2),
  datasets: [data],
  embedding: "e",
  options: {
    embedding: "e",
    nComponents: 2,
    nNeighbors: 2,
    minDist: 0,
    samples: 3,
    nEpochs: undefined,
    metric: "euclidean",
    seed: 0,
    timeRange: undefined,
    threads: 1
  }
};
const vectors = new Float32Array([0, 1, 1, 0, 1, 1]);

/** Per px function: a call with one misspelled option, and the key and known option it must name. */
const cases: Record<string, [() => unknown, string, string]> = {
  load: [() => px.load([{x: 1}], typo({nmae: "x"})), "nmae", "name"],
  fromTable: [() => px.fromTable(tableFromArrays({x: [1]}), "x", typo({shema: {}})), "shema", "schema"],
  readTable: [() => px.readTable([{x: 1}], typo({fromat: "csv"})), "fromat", "format"],
  fromSql: [
    () => px.fromSql({query: () => Promise.reject(new Error("never asked"))}, "SELECT 1", typo({parms: [1]})),
    "parms",
    "params"
  ],
  embed: [() => px.embed(data, typo({method: "tabular", maxCategory: 3})), "maxCategory", "maxCategories"],
  project: [() => px.project(data, typo({embedding: "e", sample: 3})), "sample", "samples"],
  umap: [() => px.umap(vectors, 2, typo({seed: 0, nNeighbours: 2})), "nNeighbours", "nNeighbors"],
  layoutQuality: [() => px.layoutQuality(vectors, 2, vectors, 2, typo({kk: 1})), "kk", "k"],
  cluster: [() => px.cluster(projection, typo({minClusterSise: 2})), "minClusterSise", "minClusterSize"],
  embeddingDrift: [() => px.embeddingDrift(data, data, typo({embeding: "e"})), "embeding", "embedding"],
  featureDrift: [() => px.featureDrift(data, data, typo({metrc: "psi"})), "metrc", "metric"],
  clusterSummary: [
    () => px.clusterSummary(projection, {labels: new Int32Array(3)}, typo({sorted: "size"})),
    "sorted",
    "sort"
  ],
  driftSignificance: [
    () => px.driftSignificance(data, data, typo({embedding: "e", permutation: 10})),
    "permutation",
    "permutations"
  ],
  maximumMeanDiscrepancy: [
    () => px.maximumMeanDiscrepancy(data, data, typo({embedding: "e", bandwith: 1})),
    "bandwith",
    "bandwidth"
  ],
  exportRows: [
    () => px.exportRows([data], {primary: [0]}, typo({format: "csv", filename: "x"})),
    "filename",
    "fileName"
  ],
  dataQuality: [() => px.dataQuality(data, typo({feature: ["x"]})), "feature", "features"],
  performance: [() => px.performance(data, typo({row: [0]})), "row", "rows"],
  window: [() => px.window(data, typo({start: 0, ned: 1})), "ned", "end"],
  similar: [
    () => px.similar(data, typo({embedding: "e", rows: {primary: [0]}, metrc: "cosine"})),
    "metrc",
    "metric"
  ]
};
// Functions of the public surface that take no options, and its classes.
// Functions that take no options object of the user's: the staged steps of px.project, px.embed and px.cluster
// (src/index.ts, "staged") take options already resolved, and the resolvers check the user's options under the
// name of the call they belong to (px.project, px.cluster, px.embed: covered above).
const withoutOptions = new Set([
  "datasetTimeRange",
  "inferSchema",
  "checkOptions",
  "datasetsOf",
  "projectionGraph",
  "projectionLayout",
  "projectionWarnings",
  "resolveProjectOptions",
  "sampleForProjection",
  "checkName",
  "checkWhole",
  "embeddingName",
  "checkEmbedOptions",
  "withEmbedding",
  "resolveClusterOptions",
  "isSqlDataset",
  "isSqlProjectionInput",
  "sampleFromSql"
]);

test("every px function rejects an unknown option by name", async () => {
  for (const [name, [call, key, meant]] of Object.entries(cases)) {
    const message = `px.${name}: unknown option "${key}" (did you mean "${meant}"?)`;
    await assert.rejects(async () => call(), {name: "TypeError", message}, name);
  }
});

test("the cases above cover every function px exports", () => {
  const functions = Object.entries(px).filter(
    ([name, value]) => typeof value === "function" && !/^[A-Z]/.test(name) && !withoutOptions.has(name)
  );
  assert.deepEqual(functions.map(([name]) => name).sort(), Object.keys(cases).sort());
});

test("px.embed names an unknown key of a provider method", async () => {
  const method = typo({provider: "openai-compatible", baseUrl: "http://127.0.0.2:9/v1", model: "m"});
  await assert.rejects(px.embed(data, {method, column: "label"}), {
    message: 'px.embed: unknown option "method.baseUrl" (did you mean "baseURL"?)'
  });
});
