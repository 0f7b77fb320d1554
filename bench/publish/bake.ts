// bench/publish, baked results: the digits notebook built twice in this run (`build`, which bakes, and
// `build --no-bake`), each page loaded alternately in headless chromium with a fresh cache, timed from
// navigation to the point cloud's first frame (the frame after the element has its projection and has
// rendered). Aim (issue 13): baked ≤ 0.3× unbaked. A third page, baked, keeps only the cells the point cloud
// reads (upstream-only.ts): the floor under the baked page, were every other cell free.
// Run: `node --import tsx bench/publish/bake.ts`.
import {mkdtemp, rm} from "node:fs/promises";
import {cpus, loadavg, tmpdir} from "node:os";
import {basename, join} from "node:path";
import {fileURLToPath} from "node:url";
import type {Browser} from "playwright-core";
import {build} from "../../src/cli/build.ts";
import {launchChromium} from "../../test/browser/support/chromium.ts";
import {serveStatic} from "../../test/browser/support/static-server.ts";
import {pairedRatio, quantile} from "../stats.ts";
import {cpuSince, descendantCpu} from "./process-cpu.ts";
import {writeUpstreamOnly} from "./upstream-only.ts";
import type {BenchReport} from "../suite.ts";

const NOTEBOOK = fileURLToPath(new URL("../../notebooks/digits-drift.html", import.meta.url));
const ROUNDS = Number(process.env.BAKE_BENCH_ROUNDS ?? 5);
const AIM = 0.3;
/** The point cloud's cell in the notebook. */
const POINT_CLOUD = /\bphx\.pointCloud\(/;

/**
 * In the page, before its scripts: notes the time of the point cloud's first frame as `firstFrame`. A string:
 * tsx would wrap a function's inner functions in a helper the page does not have.
 */
const WATCH_FIRST_FRAME = `{
  const tick = () => {
    const cloud = document.querySelector("phx-point-cloud");
    if (!cloud?.projection || !cloud.shadowRoot?.querySelector("canvas")) return void requestAnimationFrame(tick);
    cloud.updateComplete.then(() => requestAnimationFrame(() => (window.firstFrame = performance.now())));
  };
  requestAnimationFrame(tick);
}`;

/** One load of a page: its time to the first frame, and the CPU chromium spent meanwhile. */
interface Load {
  /** ms from navigation to the point cloud's first frame. */
  readonly ms: number;
  /** CPU ms of every chromium process (browser, GPU, renderers) over the load; NaN without Linux's /proc. */
  readonly cpu: number;
}

/** Loads `url` in a fresh browser context, to the point cloud's first frame. */
async function firstFrame(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({viewport: {width: 1100, height: 900}});
  try {
    const page = await context.newPage();
    await page.addInitScript(WATCH_FIRST_FRAME);
    const before = descendantCpu();
    await page.goto(url);
    const handle = await page.waitForFunction(
      () => (window as unknown as {firstFrame?: number}).firstFrame,
      null,
      {
        timeout: 300_000
      }
    );
    const ms = (await handle.jsonValue()) as number;
    // Read before the context closes, which ends its renderer.
    return {ms, cpu: before.size > 0 ? cpuSince(before) : NaN};
  } finally {
    await context.close();
  }
}

/** One page the bench loads, and its loads. */
interface Side {
  readonly label: string;
  readonly url: string;
  readonly loads: Load[];
}

export async function run(): Promise<BenchReport> {
  const dirs: string[] = [];
  const servers: {close(): Promise<void>}[] = [];
  let browser: Browser | undefined;
  try {
    const temp = async () => {
      const dir = await mkdtemp(join(tmpdir(), "phoenix-bench-bake-"));
      dirs.push(dir);
      return dir;
    };
    const site = async (label: string, notebook: string, args: string[]): Promise<Side> => {
      const dir = await temp();
      if ((await build([notebook, "--out", dir, ...args])) !== 0) throw new Error(`build ${label} failed`);
      const server = await serveStatic(dir);
      servers.push(server);
      return {label, url: `${server.origin}/${basename(notebook)}`, loads: []};
    };
    const upstream = await writeUpstreamOnly(NOTEBOOK, POINT_CLOUD, await temp());
    const sides = [
      await site("baked", NOTEBOOK, []),
      await site("--no-bake", NOTEBOOK, ["--no-bake"]),
      await site("baked, the point cloud's upstream only", upstream, [])
    ];
    const unbaked = sides[1]!;
    browser = await launchChromium();
    await firstFrame(browser, sides[0]!.url); // warm-up: chromium's own start-up is no page's cost
    for (let round = 0; round < ROUNDS; ++round) {
      // Rotating which goes first, so that none always runs on a machine another just loaded.
      for (let k = 0; k < sides.length; ++k) {
        const side = sides[(round + k) % sides.length]!;
        side.loads.push(await firstFrame(browser, side.url));
      }
    }
    const ms = (values: readonly number[]) => `${quantile(values, 0.5).toFixed(0)} ms`;
    const wall = (side: Side) => side.loads.map(({ms}) => ms);
    const cpu = (side: Side) => side.loads.map(({cpu}) => cpu);
    const ratio = pairedRatio(wall(sides[0]!), wall(unbaked));
    const floor = pairedRatio(wall(sides[2]!), wall(unbaked));
    return {
      title: `publish, baked results: digits page, navigation → point cloud's first frame, ${ROUNDS} rounds each (${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)})`,
      tables: [
        {
          columns: [
            "page",
            "median",
            "min",
            "max",
            "÷ --no-bake (paired median)",
            "chromium CPU (median)",
            "CPU ÷ --no-bake (paired median)"
          ],
          rows: sides.map((side) => [
            side.label,
            ms(wall(side)),
            `${Math.min(...wall(side)).toFixed(0)} ms`,
            `${Math.max(...wall(side)).toFixed(0)} ms`,
            `${pairedRatio(wall(side), wall(unbaked)).toFixed(2)}×`,
            ms(cpu(side)),
            `${pairedRatio(cpu(side), cpu(unbaked)).toFixed(2)}×`
          ])
        }
      ],
      notes: [
        `aim: baked ≤ ${AIM}× unbaked (${ratio <= AIM ? "met" : "missed"})`,
        `floor: the baked page holding only the cells the point cloud reads, ${floor.toFixed(2)}× the whole unbaked page`,
        // Under load the browser waits for the CPU more than for anything else: the wall ratio tends to this one.
        "chromium CPU: user + system time of its processes over the load (Linux /proc; NaN elsewhere)"
      ]
    };
  } finally {
    await browser?.close();
    for (const server of servers) await server.close();
    for (const dir of dirs) await rm(dir, {recursive: true, force: true});
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const {formatTable} = await import("../format-table.ts");
  const report = await run();
  console.log(report.title);
  for (const table of report.tables) console.log(`\n${formatTable(table)}`);
  console.log(`\n${report.notes?.join("\n") ?? ""}`);
}
