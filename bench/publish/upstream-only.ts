// A notebook cut down to one cell and the cells it reads, directly or not, with the files they attach: the
// page that remains is the least a built page must do before that cell's output appears. bake.ts measures it
// as the floor under the baked digits page, were every cell the point cloud does not read free.
import {cp, mkdir, readFile, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {compileCells} from "../../src/runtime/compile/compile-cell.ts";
import type {CompiledCell} from "../../src/runtime/compile/types.ts";
import {parseNotebook} from "../../src/runtime/notebook/parse.ts";
import {serializeNotebook} from "../../src/runtime/notebook/serialize.ts";

/**
 * Writes into `outDir` (same file name) the notebook `file` holding only the first cell whose source matches
 * `target` and the cells upstream of it, and copies the files those cells attach. Returns the new file's path.
 */
export async function writeUpstreamOnly(file: string, target: RegExp, outDir: string): Promise<string> {
  const notebook = parseNotebook(await readFile(file, "utf8"), file);
  const compiled = compileCells(notebook.cells);
  const cell = compiled.find((c) => target.test(c.cell.source));
  if (!cell) throw new Error(`${file}: no cell matches ${target}`);
  const kept = upstream(compiled, cell);
  const cells = notebook.cells.filter((c) => kept.has(c.id));
  const out = join(outDir, file.slice(dirname(file).length + 1));
  await writeFile(out, serializeNotebook({...notebook, cells}));
  for (const name of new Set(compiled.filter((c) => kept.has(c.cell.id)).flatMap((c) => c.fileAttachments))) {
    await mkdir(dirname(join(outDir, name)), {recursive: true});
    await cp(join(dirname(file), name), join(outDir, name));
  }
  return out;
}

/** The ids of `cell` and of every cell it reads from, directly or through others. */
function upstream(cells: readonly CompiledCell[], cell: CompiledCell): Set<number> {
  const definers = new Map<string, CompiledCell>();
  for (const compiled of cells) for (const name of compiled.defines) definers.set(name, compiled);
  const seen = new Set<CompiledCell>([cell]);
  const queue = [cell];
  for (let compiled = queue.pop(); compiled; compiled = queue.pop())
    for (const input of compiled.variables.flatMap((spec) => spec.inputs)) {
      const definer = definers.get(input);
      if (!definer || seen.has(definer)) continue;
      seen.add(definer);
      queue.push(definer);
    }
  return new Set([...seen].map((compiled) => compiled.cell.id));
}
