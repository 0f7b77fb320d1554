// bench/views: <phx-point-cloud> against regl-scatterplot (the baseline, bundled into the same page) in headless
// chromium on software WebGL (SwiftShader), same canvas size, same seeded 2-D points, same point size: first
// frame and the frame time of pan and zoom steps at 10k, 100k and 1M points, sides alternating over 3 rounds;
// then, at 10k points, a colorBy change and a minClusterSize change (cluster() on the projection, the clusters
// set on the existing element) to the recoloured frame. Aims (issue 11): ≤ 1.0× regl-scatterplot panning at
// 100k; at 1M ≥ 10 frames/s panning; colorBy ≤ 50 ms; minClusterSize → frame ≤ 150 ms.
import {cpus, loadavg} from "node:os";
import {fileURLToPath} from "node:url";
import type {Page} from "playwright-core";
import {launchChromium} from "../../test/browser/support/chromium.ts";
import {serveBundledPage} from "../../test/browser/support/bundled-page.ts";
import {pairedRatio, quantile} from "../stats.ts";
import type {BenchReport} from "../suite.ts";
import type {RecolorTimes, Side, SideTimes, ViewsBenchPage} from "./page-main.ts";

const SIZES = (process.env.VIEWS_BENCH_SIZES ?? "10000,100000,1000000").split(",").map(Number);
const ROUNDS = 3;
/** Pan steps and zoom steps per run; the first two of each are left out (buffers and shaders warming). */
const STEPS = 14;
const RECOLOR_N = 10_000;
const AIMS = {pan100k: 1.0, fps1M: 10, colorBy: 50, minClusterSize: 150};

const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (value: number) => `${value.toFixed(2)}×`;
const median = (values: readonly number[]) => quantile(values, 0.5);
const steady = (values: readonly number[]) => median(values.slice(2));

/** The bench page (page-main.ts bundled, served on 127.0.0.1) in chromium on software WebGL. */
export async function openBenchPage(minify = true): Promise<{page: Page; close(): Promise<void>}> {
  const main = fileURLToPath(new URL("./page-main.ts", import.meta.url));
  const script = `import ${JSON.stringify(main)};\n`;
  const server = await serveBundledPage(script, {body: ` style="margin: 0"`, minify});
  // Software WebGL as in the component tests; no vsync cap, so a frame takes what drawing it takes.
  const browser = await launchChromium([
    "--enable-unsafe-swiftshader",
    "--disable-gpu-vsync",
    "--disable-frame-rate-limit"
  ]);
  const page = await browser.newPage({viewport: {width: 1000, height: 700}});
  page.on("pageerror", (error) => console.error("page error:", error.message));
  await page.goto(server.origin);
  return {
    page,
    close: async () => {
      await browser.close();
      await server.close();
    }
  };
}

const measure = (page: Page, side: Side, n: number) =>
  page.evaluate(([side, n, steps]) => (window as unknown as ViewsBenchPage).measure(side, n, steps), [
    side,
    n,
    STEPS
  ] as const);

export async function run(): Promise<BenchReport> {
  const load = loadavg()[0]!.toFixed(2);
  const {page, close} = await openBenchPage();
  try {
    const rows: string[][] = [];
    const notes: string[] = [];
    let pan100k = NaN;
    let fps1M = NaN;
    for (const n of SIZES) {
      const runs: Record<Side, SideTimes[]> = {phx: [], regl: []};
      for (let round = 0; round < ROUNDS; ++round) {
        const order: Side[] = round % 2 ? ["regl", "phx"] : ["phx", "regl"];
        for (const side of order) runs[side].push(await measure(page, side, n));
      }
      const per = (side: Side, key: keyof SideTimes) =>
        runs[side].map((r) => (key === "first" ? r.first : steady(r[key] as number[])));
      for (const key of ["first", "pan", "zoom"] as const) {
        const ours = median(per("phx", key));
        const theirs = median(per("regl", key));
        const r = pairedRatio(per("phx", key), per("regl", key));
        rows.push([
          n.toLocaleString("en"),
          key,
          ms(ours),
          ms(theirs),
          ratio(r),
          `${(1000 / ours).toFixed(1)}`
        ]);
        if (n === 100_000 && key === "pan") pan100k = r;
        if (n === 1_000_000 && key === "pan") fps1M = 1000 / ours;
      }
    }
    const recolor: RecolorTimes = await page.evaluate(
      ([n, rounds]) => (window as unknown as ViewsBenchPage).recolor(n, rounds),
      [RECOLOR_N, 2 * ROUNDS + 1] as const
    );
    const colorBy = median(recolor.colorBy);
    const minSize = median(recolor.minClusterSize);
    const met = (ok: boolean) => (ok ? "met" : "MISSED");
    notes.push(
      "first: from phx.pointCloud (or createScatterplot + draw) to the first frame's pixels; pan, zoom: one arrow or +/− key",
      "(regl-scatterplot: zoomToLocation, no transition) to that frame's pixels, median of the steps after two, then of 3 runs.",
      "ratio: phx ÷ regl-scatterplot, paired run by run (median). fps: 1000 ÷ phx's frame time.",
      `aim: panning at 100k ≤ ${AIMS.pan100k}× regl-scatterplot: ${met(pan100k <= AIMS.pan100k)} (${ratio(pan100k)});` +
        ` 1M panning ≥ ${AIMS.fps1M} frames/s: ${met(fps1M >= AIMS.fps1M)} (${fps1M.toFixed(1)})`,
      `aim: colorBy → frame ≤ ${AIMS.colorBy} ms: ${met(colorBy <= AIMS.colorBy)} (${ms(colorBy)}); minClusterSize → frame ≤ ${AIMS.minClusterSize} ms: ${met(minSize <= AIMS.minClusterSize)} (${ms(minSize)}, of which cluster() ${ms(median(recolor.clusterOnly))})`
    );
    return {
      title: `views: <phx-point-cloud> vs regl-scatterplot, headless chromium, SwiftShader WebGL, 800 × 500 canvas, seeded 2-D blobs; ${ROUNDS} alternating runs; ${cpus().length} CPUs, load ${load}`,
      tables: [
        {columns: ["points", "measure", "phx", "regl-scatterplot", "ratio", "phx fps"], rows},
        {
          columns: [`at ${RECOLOR_N.toLocaleString("en")} points`, "median", "runs"],
          rows: [
            ["colorBy → recoloured frame", ms(colorBy), String(recolor.colorBy.length)],
            ["minClusterSize → recoloured frame", ms(minSize), String(recolor.minClusterSize.length)],
            ["  of which cluster()", ms(median(recolor.clusterOnly)), String(recolor.clusterOnly.length)]
          ]
        }
      ],
      notes
    };
  } finally {
    await close();
  }
}
