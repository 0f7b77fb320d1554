import type {CompiledCell} from "../compile/types.ts";

/** The cells that read what `cells[index]` defines, directly or through other cells: their indexes, in order. */
export function downstreamOf(cells: readonly CompiledCell[], index: number): number[] {
  const names = new Set(cells[index]!.defines);
  const found = new Set<number>([index]);
  for (let grew = true; grew;) {
    grew = false;
    cells.forEach((cell, i) => {
      if (found.has(i) || !cell.variables.some((spec) => spec.inputs.some((input) => names.has(input))))
        return;
      found.add(i);
      for (const name of cell.defines) names.add(name);
      grew = true;
    });
  }
  found.delete(index);
  return [...found].sort((a, b) => a - b);
}
