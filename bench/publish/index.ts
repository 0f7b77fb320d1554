// bench/publish: what opening a built example page costs in headless chromium, served from 127.0.0.1: bytes of
// script before the first render and before the complete first render, and the time from navigation to each.
// The baseline, built in the same run, is the same site with the cells compiled in the page (the parser
// shipped), as every build was before issue 13. Aims (issue 13): penguins ≤ 300 KB of script before its first
// render, digits-drift ≤ 700 KB (uncompressed).
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pagePlugin} from "../../src/bindings/index.ts";
import {buildSite} from "../../src/runtime/vite/build-site.ts";
import {launchChromium} from "../../test/browser/support/chromium.ts";
import {serveStatic} from "../../test/browser/support/static-server.ts";
import {pairedRatio, quantile} from "../stats.ts";
import type {BenchReport} from "../suite.ts";
import {run as runBake} from "./bake.ts";
import {measurePageLoad, type PageLoad} from "./page-load.ts";

const ROUNDS = Number(process.env.PUBLISH_BENCH_ROUNDS ?? 3);
const PAGES = [
  {file: "penguins.html", aim: 300_000},
  {file: "digits-drift.html", aim: 700_000}
];

/** One way of building the site (baked results are measured on their own, by bake.ts, after these). */
interface Side {
  readonly label: string;
  readonly compileAhead: boolean;
}
const SIDES: readonly Side[] = [
  {label: "compiled ahead", compileAhead: true},
  {label: "compiled in the page (baseline)", compileAhead: false}
];

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const median = (values: readonly number[]) => quantile(values, 0.5);
const range = (values: readonly number[], format: (v: number) => string) =>
  `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;

export async function run(): Promise<BenchReport> {
  const temp = await mkdtemp(join(tmpdir(), "phoenix-bench-publish-"));
  const servers: {origin: string; close(): Promise<void>}[] = [];
  const browser = await launchChromium();
  try {
    for (const [i, side] of SIDES.entries()) {
      const outDir = join(temp, `site-${i}`);
      await buildSite({
        input: "notebooks",
        outDir,
        pagePlugins: [pagePlugin],
        compileAhead: side.compileAhead,
        logLevel: "error"
      });
      servers.push(await serveStatic(outDir));
    }
    // bytes[page][side]: a serial load's (scripts delivered in turn: the counts repeat, so one is enough).
    const bytes: PageLoad[][] = [];
    for (const page of PAGES) {
      const row: PageLoad[] = [];
      for (const s of SIDES.keys())
        row.push(await measurePageLoad(browser, `${servers[s]!.origin}/${page.file}`, {serial: true}));
      bytes.push(row);
    }
    // loads[page][side]: one PageLoad per round, sides alternating within a round, as the server sends them.
    const loads = PAGES.map(() => SIDES.map((): PageLoad[] => []));
    for (let round = 0; round < ROUNDS; ++round) {
      for (const [p, page] of PAGES.entries()) {
        for (const s of SIDES.keys()) {
          const load = await measurePageLoad(browser, `${servers[s]!.origin}/${page.file}`);
          if (!load.allFulfilled) throw new Error(`${page.file} (${SIDES[s]!.label}): a cell failed`);
          loads[p]![s]!.push(load);
        }
      }
    }
    const rows = PAGES.flatMap((page, p) =>
      SIDES.map((side, s) => {
        const runs = loads[p]![s]!;
        const baseline = loads[p]![SIDES.length - 1]!;
        const complete = runs.map((l) => l.completeRenderMs);
        return [
          page.file,
          side.label,
          kb(bytes[p]![s]!.scriptBytesBeforeFirst),
          kb(bytes[p]![s]!.scriptBytesBeforeComplete),
          `≤ ${kb(page.aim)}${bytes[p]![s]!.scriptBytesBeforeFirst <= page.aim ? " ✓" : " ✗"}`,
          range(
            runs.map((l) => l.firstRenderMs),
            ms
          ),
          range(complete, ms),
          `${pairedRatio(
            complete,
            baseline.map((l) => l.completeRenderMs)
          ).toFixed(2)}×`
        ];
      })
    );
    const bake = await runBake();
    return {
      title: `built examples (notebooks/), headless chromium, ${ROUNDS} rounds, sides alternating; node ${process.version}`,
      tables: [
        {
          columns: [
            "page",
            "build",
            "script before first render",
            "script before complete render",
            "aim (first)",
            "first render",
            "complete render",
            "complete ÷ baseline"
          ],
          rows
        },
        ...bake.tables
      ],
      notes: [
        "Script: response bodies of .js files (page and workers), uncompressed, from a load that delivers scripts one at a",
        "time in the order the page asks for them, each once the page settled (so the counts do not depend on which chunk",
        "arrives first); a script counts before a moment when it was delivered before the page reported the moment.",
        "first render: the first cell fulfilled, its output in the DOM (every cell of both pages needs a chunk beyond the",
        "entry: md, Inputs, px…). complete render: no cell pending (every cell fulfilled).",
        "Times: medians, with the range over rounds, of loads as the server sends them.",
        "complete ÷ baseline: median over rounds of this build's time / the in-page build's time in the same round.",
        `Second table: ${bake.title}.`,
        ...(bake.notes ?? [])
      ]
    };
  } finally {
    await browser.close();
    await Promise.all(servers.map((server) => server.close()));
    await rm(temp, {recursive: true, force: true});
  }
}
