// The test page's script (bundled by Vite, run in chromium): mounts views on the digits results and puts
// helpers on window for the browser tests. Helpers live here rather than in page.evaluate callbacks, which
// tsx would compile with helper calls the page does not have.
import type {ClusterSummary, FeatureDrift} from "../../../src/index.ts";
import {tableFromIPC} from "apache-arrow";
import type {
  ColorBy,
  DriftSeriesPoint,
  PhxClusterExplorer,
  PhxFeatureDriftTable,
  PhxPointCloud,
  PointCloudData,
  PointDataset
} from "../../../src/components/index.ts";
import {cameraMatrix, fitCamera} from "../../../src/components/point-cloud/camera.ts";
import {screenPositions} from "../../../src/components/point-cloud/screen-positions.ts";
import {phx} from "../../../src/bindings/phx.ts";
import {headOverlaps, layoutFaults, LONG_LABEL} from "./layout.ts";

/** The digits results as the page has them (see digits.ts). */
export interface PageDigits {
  projection2: PointCloudData;
  projection3: PointCloudData;
  clusters: {labels: Int32Array};
  summary: ClusterSummary[];
  series: DriftSeriesPoint[];
  featureDrift: FeatureDrift[];
  digits: string[];
}

export interface CloudOptions {
  dimensions?: 2 | 3;
  colorBy?: Exclude<ColorBy, readonly number[] | Float32Array | Float64Array>;
  /** Highlight this cluster's points (an index into the summary). */
  highlightCluster?: number;
  theme?: "light" | "dark";
  highlightTopCluster?: boolean;
  /** This point's raw data is `xss`; the others' is their digit. */
  xssPoint?: number;
  xss?: string;
}

/** A feature-drift table of mountNarrow and how it laid out. */
export interface NarrowTable {
  width: number;
  /** Each feature button's width (px), in row order. */
  features: number[];
  /** The features whose names are cut (an ellipsis). */
  cut: string[];
  overlaps: string[];
  faults: string[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the page puts on window. */
export interface ComponentsPage {
  /** The `value` of each `input` event, in order (point indices joined by commas, else JSON). */
  inputs: string[];
  __xss?: number;
  mountCloud(options: CloudOptions): Promise<Box>;
  /**
   * A point cloud, 700 px wide, of 40 points in one dataset colored by its column "label", whose row i holds
   * labels[i % labels.length]: the legend lists each label with its count. Resolves to where its canvas is.
   */
  mountLabelCloud(labels: readonly string[], theme?: "light" | "dark"): Promise<Box>;
  mountSpiral(n: number): Promise<{firstDraw: number; hover: number; tooltip: boolean}>;
  mountViews(): Promise<void>;
  /**
   * In #long, 760 px wide each: a cluster explorer whose metric and primary dataset are named LONG_LABEL, and
   * a feature-drift table whose top feature is. Resolves to each one's layout faults (see layout.ts).
   */
  mountLongLabels(): Promise<{explorer: string[]; table: string[]}>;
  /**
   * In #single, 760 px wide: a cluster explorer of the digits' clusters as px.clusterSummary gives them without a
   * reference (no drift ratio, no reference share or metric), with accuracy.
   */
  mountSingleExplorer(): Promise<void>;
  /**
   * In #keyed, 760 px wide each: a cluster explorer of four clusters, ids 1, 2, 5 and 7 in that order (the
   * digits' first four, renumbered), and a feature-drift table of features a, b and c (PSI 0.3, 0.2, 0.1).
   */
  mountKeyed(): Promise<void>;
  /** New data for #keyed's views: mountKeyed's clusters with these ids in this order, the features' new PSI. */
  updateKeyed(ids: number[], psi: Record<string, number>): Promise<void>;
  /**
   * In #narrow, one feature-drift table per width (px) of the features credit_score and annual_income. Resolves
   * to each one's feature buttons' widths, header overlaps and layout faults (see layout.ts).
   */
  mountNarrow(widths: number[]): Promise<NarrowTable[]>;
  /** Each drift view with no data, and with data of the wrong shape set on the element (in #states). */
  mountStates(): Promise<void>;
  frames(): Promise<void>;
  /** phx.pointCloud again with these options and `previous` the page's cloud: whether it returned that cloud. */
  updateCloud(options: CloudOptions): Promise<boolean>;
  /** A cluster explorer under the cloud, linked to it with phx.linkClusters. */
  mountExplorer(): Promise<void>;
  /** Loses (then, with `restore`, restores) the cloud's WebGL context through WEBGL_lose_context. */
  loseContext(restore: boolean): Promise<boolean>;
  /** Each WebGL viewport set on the page, as "width×height" (the point cloud sets one per frame it draws). */
  glViewports: string[];
  /** The width attribute of each chart (svg) put into the drift timeline mounted by mountViews, in order. */
  timelineCharts: string[];
  /**
   * A keydown on the cloud: how long its handler took (ms), and what the cloud's live region says once it has
   * rendered.
   */
  timedKey(key: string, shiftKey: boolean): Promise<{ms: number; said: string}>;
  /** Sets the cloud's width (CSS pixels) and waits two frames: where its canvas is then. */
  resizeCloud(width: number): Promise<Box>;
}

const page = window as unknown as ComponentsPage & {digits: Promise<PageDigits>};
const frame = () => new Promise((done) => requestAnimationFrame(done));

interface PointsJson {
  coordinates: number[];
  nComponents: 2 | 3;
  dataset: number[];
  row: number[];
  datasets: {name: string}[];
}
const points = (p: PointsJson): PointCloudData => ({
  ...p,
  coordinates: Float32Array.from(p.coordinates),
  dataset: Uint8Array.from(p.dataset),
  row: Int32Array.from(p.row)
});

page.inputs = [];

const cloudOf = () => document.querySelector("phx-point-cloud") as PhxPointCloud;
page.digits = fetch("data.json")
  .then((response) => response.json())
  .then((d) => ({
    ...d,
    projection2: withTables(points(d.projection2), d.tables, d.schemas),
    projection3: points(d.projection3),
    clusters: {labels: Int32Array.from(d.labels)},
    summary: d.summary.map((s: ClusterSummary) => ({...s, points: Int32Array.from(s.points)})),
    featureDrift: d.featureDrift.map((f: FeatureDrift) => ({
      ...f,
      bins: {
        labels: f.bins.labels,
        primary: Float64Array.from(f.bins.primary),
        reference: Float64Array.from(f.bins.reference)
      }
    }))
  }));

function withTables(p: PointCloudData, tables: string[], schemas: PointDataset["schema"][]): PointCloudData {
  const datasets = p.datasets.map((d, k) => ({
    name: d.name,
    table: tableFromIPC(Uint8Array.from(atob(tables[k]!), (c) => c.charCodeAt(0))),
    schema: schemas[k]
  }));
  return {...p, datasets};
}

page.glViewports = [];
for (const context of [WebGLRenderingContext, WebGL2RenderingContext]) {
  const viewport = context.prototype.viewport;
  context.prototype.viewport = function (x: number, y: number, width: number, height: number) {
    page.glViewports.push(`${width}×${height}`);
    viewport.call(this, x, y, width, height);
  };
}

page.frames = async () => {
  await frame();
  await frame();
};

const record = (view: HTMLElement & {value: unknown}) =>
  view.addEventListener("input", () =>
    page.inputs.push(
      view.value instanceof Int32Array ? [...view.value].join(",") : JSON.stringify(view.value)
    )
  );

const cloudOptions = (d: PageDigits, options: CloudOptions) => ({
  clusters: d.clusters,
  colorBy: options.colorBy,
  theme: options.theme,
  highlight: options.highlightTopCluster
    ? d.summary[0]!.points
    : options.highlightCluster === undefined
      ? undefined
      : d.summary[options.highlightCluster]!.points,
  rawData: (i: number) => (i === options.xssPoint ? options.xss : `digit ${d.digits[i]}`)
});

page.updateCloud = async (options) => {
  const d = await page.digits;
  const previous = cloudOf();
  const cloud = phx.pointCloud(options.dimensions === 3 ? d.projection3 : d.projection2, {
    ...cloudOptions(d, options),
    previous
  });
  await cloud.updateComplete;
  await page.frames();
  return cloud === previous;
};

page.mountExplorer = async () => {
  const d = await page.digits;
  const explorer = phx.clusterExplorer(d.summary, {metricLabel: "accuracy"});
  explorer.style.width = "700px";
  record(explorer);
  document.body.append(explorer);
  phx.linkClusters(cloudOf(), explorer as PhxClusterExplorer);
  await explorer.updateComplete;
};

// A lost context gives no extensions: keep the one that lost it, to restore it.
let loseExtension: WEBGL_lose_context | null = null;

page.loseContext = async (restore) => {
  const canvas = cloudOf().shadowRoot!.querySelector("canvas")!;
  const gl = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
  if (!restore) loseExtension = gl?.getExtension("WEBGL_lose_context") ?? null;
  const extension = loseExtension;
  if (!extension) return false;
  const event = restore ? "webglcontextrestored" : "webglcontextlost";
  const happened = new Promise((done) => canvas.addEventListener(event, done, {once: true}));
  if (restore) extension.restoreContext();
  else extension.loseContext();
  await happened;
  await cloudOf().updateComplete;
  await page.frames();
  return true;
};

page.mountCloud = async (options) => {
  const d = await page.digits;
  const cloud = phx.pointCloud(
    options.dimensions === 3 ? d.projection3 : d.projection2,
    cloudOptions(d, options)
  );
  cloud.style.width = "700px";
  record(cloud);
  document.body.append(cloud);
  await cloud.updateComplete;
  await page.frames();
  const canvas = cloud.shadowRoot!.querySelector("canvas")!;
  const box = canvas.getBoundingClientRect();
  return {x: box.x, y: box.y, width: canvas.clientWidth, height: canvas.clientHeight};
};

page.mountLabelCloud = async (labels, theme) => {
  const n = 40;
  const coordinates = Float32Array.from({length: n * 2}, (_, k) =>
    k % 2 ? Math.sin(((k >> 1) / n) * 2 * Math.PI) : Math.cos(((k >> 1) / n) * 2 * Math.PI)
  );
  const label = {get: (row: number) => labels[row % labels.length]};
  const schema = {
    features: ["label"],
    tags: [],
    predictionLabel: null,
    predictionScore: null,
    actualLabel: null,
    actualScore: null
  };
  const table = {getChild: (name: string) => (name === "label" ? label : null)};
  const data = {
    coordinates,
    nComponents: 2 as const,
    dataset: new Uint8Array(n),
    row: Int32Array.from({length: n}, (_, i) => i),
    datasets: [{name: "production", table, schema}]
  };
  const cloud = phx.pointCloud(data, {colorBy: {column: "label"}, theme});
  cloud.style.width = "700px";
  document.body.append(cloud);
  await cloud.updateComplete;
  await page.frames();
  const canvas = cloud.shadowRoot!.querySelector("canvas")!;
  const box = canvas.getBoundingClientRect();
  return {x: box.x, y: box.y, width: canvas.clientWidth, height: canvas.clientHeight};
};

page.timedKey = async (key, shiftKey) => {
  const cloud = cloudOf();
  const t0 = performance.now();
  cloud.dispatchEvent(new KeyboardEvent("keydown", {key, shiftKey, bubbles: true, composed: true}));
  const ms = performance.now() - t0;
  await cloud.updateComplete;
  return {ms, said: cloud.shadowRoot!.querySelector(".announce")?.textContent ?? ""};
};

page.resizeCloud = async (width) => {
  cloudOf().style.width = `${width}px`;
  await page.frames();
  const canvas = cloudOf().shadowRoot!.querySelector("canvas")!;
  const box = canvas.getBoundingClientRect();
  return {x: box.x, y: box.y, width: canvas.clientWidth, height: canvas.clientHeight};
};

page.mountSpiral = async (n) => {
  const coordinates = new Float32Array(n * 2);
  // A seeded spiral with jitter, so each run draws the same picture.
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  for (let i = 0; i < n; ++i) {
    const t = (i / n) * 12;
    coordinates[i * 2] = t * Math.cos(t) + (random() - 0.5) * 2;
    coordinates[i * 2 + 1] = t * Math.sin(t) + (random() - 0.5) * 2;
  }
  const dataset = Uint8Array.from({length: n}, (_, i) => i % 2);
  const row = Int32Array.from({length: n}, (_, i) => i >> 1);
  const cloud = phx.pointCloud(
    {coordinates, nComponents: 2, dataset, row, datasets: [{name: "production"}, {name: "training"}]},
    {pointSize: 2}
  );
  cloud.style.width = "700px";
  const t0 = performance.now();
  document.body.append(cloud);
  await cloud.updateComplete;
  await page.frames();
  const firstDraw = performance.now() - t0;
  const canvas = cloud.shadowRoot!.querySelector("canvas")!;
  const box = canvas.getBoundingClientRect();
  // Hover where the middle point of the spiral is drawn, by the view's own camera math.
  const i = n >> 1;
  const matrix = cameraMatrix(fitCamera(coordinates, 2), canvas.clientWidth, canvas.clientHeight);
  const screen = screenPositions(
    coordinates.subarray(i * 2, i * 2 + 2),
    2,
    matrix,
    canvas.clientWidth,
    canvas.clientHeight
  );
  const t1 = performance.now();
  const [clientX, clientY] = [box.x + screen[0]!, box.y + screen[1]!];
  canvas.dispatchEvent(new PointerEvent("pointermove", {clientX, clientY, bubbles: true}));
  while (!cloud.shadowRoot!.querySelector(".tooltip") && performance.now() - t1 < 5000) await frame();
  const tooltip = !!cloud.shadowRoot!.querySelector(".tooltip");
  return {firstDraw, hover: performance.now() - t1, tooltip};
};

page.mountViews = async () => {
  const d = await page.digits;
  const names = ["production", "training"] as const;
  const timeline = phx.driftTimeline(d.series, {label: "embedding drift"});
  const explorer = phx.clusterExplorer(d.summary, {metricLabel: "accuracy", datasetNames: names});
  const table = phx.featureDriftTable(d.featureDrift, {datasetNames: names});
  for (const view of [timeline, explorer, table]) {
    view.style.width = "760px";
    view.style.marginBottom = "24px";
    record(view);
  }
  document.body.append(timeline, explorer, table);
  // Connected: the shadow root is there, the first render is not yet (it is a microtask away).
  page.timelineCharts = [];
  new MutationObserver((records) => {
    for (const {addedNodes} of records)
      for (const node of addedNodes) {
        // A chart comes in alone, or inside the markup of a render (lit inserts a template's nodes at once).
        const added = node instanceof Element ? [node, ...node.querySelectorAll("svg")] : [];
        for (const svg of added)
          if (svg instanceof SVGSVGElement && !svg.parentElement?.closest("svg"))
            page.timelineCharts.push(svg.getAttribute("width") ?? "");
      }
  }).observe(timeline.shadowRoot!, {childList: true, subtree: true});
  await Promise.all([timeline.updateComplete, explorer.updateComplete, table.updateComplete]);
  await page.frames();
};

page.mountLongLabels = async () => {
  const d = await page.digits;
  const explorer = phx.clusterExplorer(d.summary, {
    metricLabel: LONG_LABEL,
    datasetNames: [LONG_LABEL, "training"]
  });
  const top = d.featureDrift.reduce((a, b) => (b.value > a.value ? b : a));
  const drift = d.featureDrift.map((f) => (f === top ? {...f, feature: LONG_LABEL} : f));
  const table = phx.featureDriftTable(drift, {datasetNames: ["production", "training"]});
  const box = document.createElement("div");
  box.id = "long";
  for (const view of [explorer, table]) view.style.width = "760px";
  box.append(explorer, table);
  document.body.append(box);
  await Promise.all([explorer.updateComplete, table.updateComplete]);
  await page.frames();
  return {explorer: layoutFaults(explorer), table: layoutFaults(table)};
};

page.mountSingleExplorer = async () => {
  const d = await page.digits;
  const single = d.summary.map((s) => ({
    ...s,
    size: s.primaryCount,
    referenceCount: 0,
    referenceShare: null,
    driftRatio: null,
    metric: s.metric && {primary: s.metric.primary, reference: null}
  }));
  const explorer = phx.clusterExplorer(single, {
    metricLabel: "accuracy",
    datasetNames: ["production", "training"]
  });
  explorer.style.width = "760px";
  const box = document.createElement("div");
  box.id = "single";
  box.append(explorer);
  document.body.append(box);
  await explorer.updateComplete;
};

const keyedIds = [1, 2, 5, 7];

// Fresh objects each time, as a reclustering or a recomputed drift gives: the views follow them by key.
const keyedClusters = (d: PageDigits, ids: readonly number[]): ClusterSummary[] =>
  ids.map((id) => ({...d.summary[keyedIds.indexOf(id)]!, id}));

const keyedDrift = (psi: Record<string, number>): FeatureDrift[] =>
  Object.entries(psi).map(([feature, value]) => ({
    feature,
    kind: "continuous",
    metric: "psi",
    value,
    bins: {labels: ["[0, 1)", "[1, 2)"], primary: Float64Array.of(3, 1), reference: Float64Array.of(1, 3)}
  }));

const keyedViews = () => {
  const box = document.getElementById("keyed")!;
  return {
    explorer: box.querySelector("phx-cluster-explorer") as PhxClusterExplorer,
    table: box.querySelector("phx-feature-drift-table") as PhxFeatureDriftTable
  };
};

page.mountKeyed = async () => {
  const d = await page.digits;
  const explorer = phx.clusterExplorer(keyedClusters(d, keyedIds), {metricLabel: "accuracy"});
  const table = phx.featureDriftTable(keyedDrift({a: 0.3, b: 0.2, c: 0.1}));
  const box = document.createElement("div");
  box.id = "keyed";
  for (const view of [explorer, table]) view.style.width = "760px";
  box.append(explorer, table);
  document.body.append(box);
  await Promise.all([explorer.updateComplete, table.updateComplete]);
};

page.updateKeyed = async (ids, psi) => {
  const d = await page.digits;
  const {explorer, table} = keyedViews();
  explorer.summary = keyedClusters(d, ids);
  table.drift = keyedDrift(psi);
  await Promise.all([explorer.updateComplete, table.updateComplete]);
};

page.mountNarrow = async (widths) => {
  const box = document.createElement("div");
  box.id = "narrow";
  const tables = widths.map((width) => {
    const table = phx.featureDriftTable(keyedDrift({credit_score: 0.21, annual_income: 0.08}));
    table.style.width = `${width}px`;
    table.style.marginBottom = "16px";
    table.dataset.width = String(width);
    return table;
  });
  box.append(...tables);
  document.body.append(box);
  await Promise.all(tables.map((table) => table.updateComplete));
  await page.frames();
  return tables.map((table, k) => ({
    width: widths[k]!,
    features: [...table.shadowRoot!.querySelectorAll("button.feature")].map(
      (button) => button.getBoundingClientRect().width
    ),
    cut: [...table.shadowRoot!.querySelectorAll("button.feature")]
      .filter((button) => button.scrollWidth > button.clientWidth)
      .map((button) => button.textContent ?? ""),
    overlaps: headOverlaps(table),
    faults: layoutFaults(table)
  }));
};

/** The three drift views on empty or malformed data (each in its own box), for their states. */
page.mountStates = async () => {
  const views = [
    phx.clusterExplorer([]),
    phx.driftTimeline([]),
    phx.featureDriftTable([]),
    phx.driftTimeline([{timestamp: 0, value: null, count: 0}])
  ];
  const broken = [
    Object.assign(document.createElement("phx-cluster-explorer"), {summary: "oops"}),
    Object.assign(document.createElement("phx-feature-drift-table"), {drift: 7}),
    Object.assign(document.createElement("phx-drift-timeline"), {series: {}})
  ];
  const box = document.createElement("div");
  box.id = "states";
  box.append(...views, ...broken);
  document.body.append(box);
  await Promise.all([...views, ...broken].map((view) => (view as LitLike).updateComplete));
};

interface LitLike {
  updateComplete: Promise<boolean>;
}
