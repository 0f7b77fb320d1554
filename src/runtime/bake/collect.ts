import type {CompiledCell} from "../compile/types.ts";
import type {HeadlessNotebook} from "../headless/open-notebook.ts";
import type {CellReport} from "../headless/recorder.ts";
import type {BakeCodec} from "./codec.ts";
import {bakeKey, keyBasis} from "./key.ts";

/** A cell's value baked: its key and its parts' bytes, not yet written anywhere. */
export interface BakedValue {
  readonly cell: number;
  readonly key: string;
  readonly parts: readonly {
    readonly output: string | null;
    readonly codec: string;
    readonly bytes: Uint8Array;
  }[];
}

/** What a notebook's run baked, and why cells the author marked were not baked. */
export interface CollectedBakes {
  readonly values: BakedValue[];
  readonly warnings: string[];
}

/**
 * The values to bake from a notebook that has run: every fulfilled cell whose value an automatic codec accepts,
 * and every cell marked `bake` whose value (or each output) some codec accepts. `codecs` are tried in order;
 * warnings name the notebook `name`.
 */
export async function collectBakes(
  {runtime, recorder}: HeadlessNotebook,
  codecs: readonly BakeCodec[],
  name: string
): Promise<CollectedBakes> {
  const values: BakedValue[] = [];
  const warnings: string[] = [];
  const views = new Map<string, unknown>();
  // The values the keys may read: views', and those of cells that change on their own (see keyBasis).
  for (const report of recorder.reports)
    for (const spec of report.compiled.variables) {
      if (spec.name === null) continue;
      if (spec.role === "view-value") views.set(spec.name, report.viewValue);
      // An output as other cells read it (a view()'s value, not its generator), which the page's key reads too.
      else if (spec.role === "output")
        views.set(
          spec.name,
          report.outputValues && spec.name in report.outputValues
            ? report.outputValues[spec.name]
            : report.outputs?.[spec.name]
        );
      else if (spec.role === "main" && !spec.name.startsWith("viewof ")) views.set(spec.name, report.value);
    }
  for (const report of recorder.reports) {
    const {cell} = report.compiled;
    const marked = cell.bake === true;
    const skip = (why: string) =>
      void (marked && warnings.push(`${where(name, report.compiled)}: not baked: ${why}`));
    if (report.status !== "fulfilled") {
      skip(report.status === "rejected" ? "it failed" : "it was still running");
      continue;
    }
    if (report.compiled.variables.some((spec) => spec.role === "view-value")) {
      skip("a view's value changes as the reader moves it");
      continue;
    }
    const parts = valuesOf(report);
    const chosen = parts.map(([output, value]) => ({
      output,
      value,
      codec: codecs.find((codec) => (marked || codec.automatic) && codec.accepts(value))
    }));
    const missing = chosen.find(({codec}) => !codec);
    if (missing || chosen.length === 0) {
      const what = missing?.output ? `output ${missing.output}` : "its value";
      skip(`${what} is none a codec bakes (an Arrow table, a JSON-able value or a plugin's result)`);
      continue;
    }
    const basis = keyBasis(runtime.cells, report.compiled);
    const key = "unbakeable" in basis ? undefined : bakeKey(basis, views);
    if (key === undefined) {
      skip(
        "unbakeable" in basis ? basis.unbakeable : "an input upstream holds a value with no canonical form"
      );
      continue;
    }
    const encoded = await Promise.all(
      chosen.map(async ({output, value, codec}) => ({
        output,
        codec: codec!.name,
        bytes: await codec!.encode(value)
      }))
    );
    values.push({cell: cell.id, key, parts: encoded});
  }
  return {values, warnings};
}

// A JavaScript cell bakes each output and what it shows, if anything; any other cell its value.
function valuesOf(report: CellReport): [output: string | null, value: unknown][] {
  if (!report.outputs) return [[null, report.value]];
  const outputs = Object.entries(report.outputs);
  return report.value === undefined ? outputs : [...outputs, [null, report.value]];
}

function where(file: string, compiled: CompiledCell): string {
  return `${file}: cell ${compiled.cell.id} (line ${compiled.cell.line})`;
}
