// The views bench page (bundled by Vite, run in headless chromium on software WebGL): the same points drawn by
// <phx-point-cloud> and by regl-scatterplot (the baseline) in a canvas of the same size, each measured the same
// way: the time from the call to the frame's pixels being readable (a 1-pixel read waits for the GPU work).
import createScatterplot from "regl-scatterplot";
import {cluster} from "../../src/cells/cluster/index.ts";
import {phx} from "../../src/bindings/phx.ts";
import type {PhxPointCloud, PointCloudData} from "../../src/components/index.ts";
import {blobs} from "./points.ts";

/** What one side measured at one size, in ms. */
export interface SideTimes {
  /** From creating the view to its first frame's pixels. */
  first: number;
  /** Per pan step: from the camera move to the frame's pixels. */
  pan: number[];
  /** Per zoom step, the same. */
  zoom: number[];
}

export interface RecolorTimes {
  /** colorBy "dataset" → "cluster" (and back): to the recoloured frame. */
  colorBy: number[];
  /** A new minClusterSize: cluster() on the projection, clusters set on the element, to the recoloured frame. */
  minClusterSize: number[];
  /** cluster() alone, in the same steps. */
  clusterOnly: number[];
}

export type Side = "phx" | "regl";

/** What the page puts on window. */
export interface ViewsBenchPage {
  measure(side: Side, n: number, steps: number): Promise<SideTimes>;
  recolor(n: number, rounds: number): Promise<RecolorTimes>;
}

export const WIDTH = 800;
export const HEIGHT = 500;
/** Point diameters in CSS pixels, as the cloud picks them by count (autoPointSize); the baseline gets the same. */
const pointSize = (n: number) => Math.max(2, Math.min(6, Math.round(8 - Math.log10(Math.max(1, n)))));
const COLORS = ["#00add0", "#4500d9"];
const page = window as unknown as ViewsBenchPage;
const frame = () => new Promise<number>((done) => requestAnimationFrame(done));
const cache = new Map<number, PointCloudData>();

function data(n: number): PointCloudData {
  let d = cache.get(n);
  if (!d) {
    const coordinates = blobs(n, 7);
    const dataset = new Uint8Array(n);
    for (let i = 0; i < n; ++i) dataset[i] = i & 1;
    const row = Int32Array.from({length: n}, (_, i) => i >> 1);
    d = {coordinates, nComponents: 2, dataset, row, datasets: [{name: "production"}, {name: "training"}]};
    cache.set(n, d);
  }
  return d;
}

function box(): HTMLDivElement {
  const div = document.createElement("div");
  div.style.cssText = `width: ${WIDTH}px; height: ${HEIGHT}px; position: relative`;
  document.body.append(div);
  return div;
}

/** Waits for the GPU work of the canvas's last frame (a 1-pixel read cannot return before it). */
function readPixel(canvas: HTMLCanvasElement): void {
  const gl = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
  if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  else canvas.getContext("2d")!.getImageData(0, 0, 1, 1);
}

async function timed(step: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await step();
  return performance.now() - t0;
}

// ours: phx.pointCloud as a notebook makes it; a pan is an arrow key, a zoom a +/− key (the element's own paths).
async function measurePhx(n: number, steps: number): Promise<SideTimes> {
  const div = box();
  let cloud!: PhxPointCloud;
  const canvas = () => cloud.shadowRoot!.querySelector("canvas")!;
  const drawn = async () => {
    await cloud.updateComplete;
    await frame(); // the cloud's draw was requested before this frame callback
    readPixel(canvas());
  };
  const first = await timed(async () => {
    cloud = phx.pointCloud(data(n), {height: HEIGHT});
    div.append(cloud);
    await drawn();
  });
  const key = async (key: string) => {
    cloud.dispatchEvent(new KeyboardEvent("keydown", {key}));
    await drawn();
  };
  const pan: number[] = [];
  const zoom: number[] = [];
  for (let i = 0; i < steps; ++i) pan.push(await timed(() => key(i % 4 < 2 ? "ArrowLeft" : "ArrowRight")));
  for (let i = 0; i < steps; ++i) zoom.push(await timed(() => key(i % 4 < 2 ? "+" : "-")));
  div.remove();
  return {first, pan, zoom};
}

// regl-scatterplot: its canvas filled with the same points (x, y and a category column); pans and zooms
// through zoomToLocation without transition, and a frame counts when its `draw` event has fired.
async function measureRegl(n: number, steps: number): Promise<SideTimes> {
  const div = box();
  const canvas = document.createElement("canvas");
  canvas.style.cssText = "width: 100%; height: 100%; display: block";
  div.append(canvas);
  const {coordinates} = data(n);
  let scatterplot!: ReturnType<typeof createScatterplot>;
  const drawn = (change: () => unknown) =>
    new Promise<void>((done) => {
      scatterplot.subscribe("draw", () => done(), 1);
      change();
    }).then(() => readPixel(canvas));
  const first = await timed(async () => {
    scatterplot = createScatterplot({
      canvas,
      width: WIDTH,
      height: HEIGHT,
      pointSize: pointSize(n),
      pointColor: COLORS,
      colorBy: "category"
    });
    const x = new Float32Array(n);
    const y = new Float32Array(n);
    const category = new Float32Array(n);
    for (let i = 0; i < n; ++i)
      [x[i], y[i], category[i]] = [coordinates[2 * i]!, coordinates[2 * i + 1]!, i & 1];
    await drawn(() => scatterplot.draw({x, y, category}));
  });
  let target = [0, 0];
  let distance = 1;
  const move = () => drawn(() => scatterplot.zoomToLocation(target, distance, {transition: false}));
  const pan: number[] = [];
  const zoom: number[] = [];
  // An arrow key pans the cloud 40 CSS pixels; the same share of the view here.
  const step = (40 / HEIGHT) * 2;
  for (let i = 0; i < steps; ++i) {
    target = [target[0]! + (i % 4 < 2 ? -step : step) * distance, target[1]!];
    pan.push(await timed(move));
  }
  for (let i = 0; i < steps; ++i) {
    distance *= i % 4 < 2 ? 1 / 1.25 : 1.25;
    zoom.push(await timed(move));
  }
  scatterplot.destroy();
  div.remove();
  return {first, pan, zoom};
}

page.measure = (side, n, steps) => (side === "phx" ? measurePhx(n, steps) : measureRegl(n, steps));

page.recolor = async (n, rounds) => {
  const div = box();
  const projection = data(n);
  const cloud = phx.pointCloud(projection, {
    height: HEIGHT,
    clusters: cluster(projection, {minClusterSize: 10})
  });
  div.append(cloud);
  const canvas = () => cloud.shadowRoot!.querySelector("canvas")!;
  const drawn = async () => {
    await cloud.updateComplete;
    await frame();
    readPixel(canvas());
  };
  await drawn();
  const times: RecolorTimes = {colorBy: [], minClusterSize: [], clusterOnly: []};
  for (let r = 0; r < rounds; ++r) {
    times.colorBy.push(
      await timed(async () => {
        cloud.colorBy = r % 2 ? "dataset" : "cluster";
        await drawn();
      })
    );
  }
  cloud.colorBy = "cluster";
  await drawn();
  for (let r = 0; r < rounds; ++r) {
    let clusterMs = 0;
    times.minClusterSize.push(
      await timed(async () => {
        const t0 = performance.now();
        const clusters = cluster(projection, {minClusterSize: r % 2 ? 10 : 25});
        clusterMs = performance.now() - t0;
        cloud.clusters = clusters;
        await drawn();
      })
    );
    times.clusterOnly.push(clusterMs);
  }
  div.remove();
  return times;
};
