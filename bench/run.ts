// `npm run bench [-- NAME …]`: runs every suite `bench/NAME/index.ts` (or those whose folder name contains one
// of the given words) one after the other, and prints each suite's report as tables. Figures only: nothing
// here fails on a slow result.
import {readdir} from "node:fs/promises";
import {existsSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {formatTable} from "./format-table.ts";
import {isBenchReport, isBenchSuite, type BenchReport} from "./suite.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

async function suiteNames(): Promise<string[]> {
  const entries = await readdir(root, {withFileTypes: true});
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, "index.ts")))
    .map((entry) => entry.name)
    .sort();
}

function printReport(report: BenchReport): void {
  console.log(report.title);
  for (const table of report.tables) console.log(`\n${formatTable(table)}`);
  if (report.notes?.length) console.log(`\n${report.notes.join("\n")}`);
}

async function main(filters: readonly string[]): Promise<number> {
  const all = await suiteNames();
  const chosen = filters.length ? all.filter((name) => filters.some((word) => name.includes(word))) : all;
  if (chosen.length === 0) {
    console.error(`no bench suite matches ${filters.join(", ")} (suites: ${all.join(", ") || "none"})`);
    return 2;
  }
  let failed = 0;
  for (const name of chosen) {
    const module: unknown = await import(pathToFileURL(join(root, name, "index.ts")).href);
    if (!isBenchSuite(module)) {
      console.error(`bench/${name}/index.ts exports no run()`);
      ++failed;
      continue;
    }
    console.log(`\n== ${name}`);
    const start = performance.now();
    try {
      const report = await module.run();
      if (isBenchReport(report)) printReport(report);
      console.log(`\n(${name} took ${((performance.now() - start) / 1000).toFixed(1)} s)`);
    } catch (error) {
      // One broken suite should not hide the figures of the others.
      console.error(`${name} failed:`, error);
      ++failed;
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
