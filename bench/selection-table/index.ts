// bench/selection-table: what sorting costs <phx-selection-table>. In Node, one sortedOrder() of 100,000 text
// keys ("word N", shuffled); in headless chromium, the update after a header click (the sort), then an
// ArrowDown and a 50-row scroll on the sorted table: at 10,000 rows by the prediction column (ten values) and
// at 100,000 rows by the "word N" column. A key press or scroll changes no row: it should cost no sort.
import {cpus, loadavg} from "node:os";
import {fileURLToPath} from "node:url";
import {sortedOrder} from "../../src/components/selection-table/sort.ts";
import {serveBundledPage} from "../../test/browser/support/bundled-page.ts";
import {launchChromium} from "../../test/browser/support/chromium.ts";
import {quantile} from "../stats.ts";
import type {BenchReport} from "../suite.ts";
import type {SelectionBenchPage} from "./page-main.ts";
import {words} from "./words.ts";

const SORT_N = 100_000;
const RUNS = Number(process.env.SELECTION_BENCH_RUNS ?? 3);
const STEPS = Number(process.env.SELECTION_BENCH_STEPS ?? 5);
const ROWS = (process.env.SELECTION_BENCH_ROWS ?? "10000,100000").split(",").map(Number);
const CASES = [
  {n: 10_000, sortBy: "prediction"},
  {n: 100_000, sortBy: "txt"}
].filter(({n}) => ROWS.includes(n));

const ms = (value: number) => `${value.toFixed(1)} ms`;
const median = (values: readonly number[]) => quantile(values, 0.5);

function nodeSort(): number[] {
  const texts = words(SORT_N);
  const column = {key: "txt", label: "txt", kind: "text" as const, value: (i: number) => texts[i]};
  return Array.from({length: RUNS}, () => {
    const start = performance.now();
    sortedOrder(SORT_N, column, {key: "txt", direction: "ascending"});
    return performance.now() - start;
  });
}

async function browserRows(): Promise<string[][]> {
  const main = fileURLToPath(new URL("./page-main.ts", import.meta.url));
  const server = await serveBundledPage(`import ${JSON.stringify(main)};\n`, {body: ` style="margin: 0"`});
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({viewport: {width: 1000, height: 700}});
    page.on("pageerror", (error) => console.error("page error:", error.message));
    await page.goto(server.origin);
    const call = <K extends keyof SelectionBenchPage>(name: K, ...args: Parameters<SelectionBenchPage[K]>) =>
      page.evaluate(
        ([name, args]) => (window as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args),
        [name, args] as const
      ) as ReturnType<SelectionBenchPage[K]>;
    const rows: string[][] = [];
    for (const {n, sortBy} of CASES) {
      const label = `${n.toLocaleString("en")} rows by ${sortBy}`;
      rows.push([label, "header click (sort)", ms(await call("mount", n, sortBy)), "1"]);
      const keys = await call("arrowDown", STEPS);
      rows.push([label, "ArrowDown", ms(median(keys)), String(keys.length)]);
      const scrolls = await call("scroll", STEPS);
      rows.push([label, "scroll 50 rows", ms(median(scrolls)), String(scrolls.length)]);
    }
    return rows;
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function run(): Promise<BenchReport> {
  const load = loadavg()[0]!.toFixed(2);
  const sorts = nodeSort();
  const rows = await browserRows();
  return {
    title: `selection-table: sorting, Node and headless chromium; ${cpus().length} CPUs, load ${load}`,
    tables: [
      {
        columns: ["Node", "median", "runs"],
        rows: [[`sortedOrder(), ${SORT_N.toLocaleString("en")} text keys`, ms(median(sorts)), String(RUNS)]]
      },
      {columns: ["chromium", "update", "median", "steps"], rows}
    ],
    notes: [
      "update: from the click, key press (dispatched on the grid) or scroll event to the element's updateComplete.",
      "SELECTION_BENCH_RUNS (3) and SELECTION_BENCH_STEPS (5) set the repeats, SELECTION_BENCH_ROWS (10000,100000) the cases."
    ]
  };
}
