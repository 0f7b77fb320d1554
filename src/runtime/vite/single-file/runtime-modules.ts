import {SQL_BUILTIN} from "../../sql/sql-builtin.ts";
import {TRIMMABLE_LIBRARIES} from "../../compile/library-members.ts";
import {wholeCopyOf} from "../trimmed-libraries.ts";
import {calls, ownModule, reads, type LazyModule} from "./lazy-module.ts";
import type {PageUse} from "./page-use.ts";

const whole = (library: string) => (use: PageUse) => use.whole.has(library) || use.names.has("require");
const own = (path: string) => ownModule(new URL(path, import.meta.url));
const inPackage = (name: string) => new RegExp(`/node_modules/${name.replace(/[.]/g, "\\.")}/`);

/**
 * The runtime's modules a page loads on first use (stdlib/builtins.ts, client/builtins.ts, the FileAttachment
 * methods): each with the builtins or methods that load it. `require` can give any of the bundled libraries.
 * A module missing here is carried by every page that can reach it: a larger file, never a broken one.
 */
export const RUNTIME_LAZY_MODULES: readonly LazyModule[] = [
  // A page's trimmed Plot and d3, and the whole packages (their copies, see trimmed-libraries.ts): for
  // `require`, and for a page whose cells use the library other than by member.
  {module: /^\0phoenix-notebook-Plot-/, when: reads("Plot")},
  {module: wholeCopyOf(TRIMMABLE_LIBRARIES.Plot), when: whole("Plot")},
  {module: /^\0phoenix-notebook-d3-/, when: reads("d3")},
  {module: wholeCopyOf(TRIMMABLE_LIBRARIES.d3), when: whole("d3")},
  {module: inPackage("@observablehq/inputs"), when: reads("Inputs", "require")},
  {module: inPackage("htl"), when: reads("html", "svg", "require")},
  // Arrow: the builtin, FileAttachment's arrow() and parquet(), and the codecs of baked values.
  {
    module: inPackage("apache-arrow"),
    when: (use) => reads("Arrow", "require")(use) || calls("arrow", "parquet")(use) || use.baked
  },
  {module: own("../../stdlib/md.ts"), when: reads("md")},
  {module: own("../../stdlib/tex.ts"), when: reads("tex")},
  {module: inPackage("katex"), when: reads("tex")},
  {module: own("../../stdlib/dot.ts"), when: reads("dot")},
  {module: own("../../stdlib/dom.ts"), when: reads("DOM")},
  // duckdb-wasm (its worker and 34 MB module): SQL cells and DuckDBClient only.
  {module: own("../../sql/duckdb-wasm.ts"), when: reads(SQL_BUILTIN, "DuckDBClient")},
  {module: own("../../sql/duckdb-client.ts"), when: reads("DuckDBClient")},
  // FileAttachment's readers (a data loader's output is read by them too: see pageUse).
  {module: inPackage("d3-dsv"), when: calls("csv", "tsv", "dsv")},
  {module: own("../../stdlib/parquet.ts"), when: calls("parquet")},
  {module: own("../../stdlib/xlsx.ts"), when: calls("xlsx")},
  {module: own("../../stdlib/zip.ts"), when: calls("zip")},
  {module: own("../../stdlib/sqlite.ts"), when: calls("sqlite", "db")}
];
