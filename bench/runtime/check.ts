import type {Graph} from "./graph.ts";

/**
 * Throws unless both sides computed the same value for every cell: the ratio means something only if the
 * hand-wired baseline is the same notebook. DOM values compare by text (a view's element ids are random).
 */
export function checkSameValues(graph: Graph, ours: readonly unknown[], baseline: readonly unknown[]): void {
  graph.cells.forEach((cell, index) => {
    const [a, b] = [comparable(ours[index]), comparable(baseline[index])];
    if (a !== b) {
      const what = cell.name ?? `cell ${index + 1}`;
      throw new Error(`the baseline is not the notebook: ${what} is ${a} in ours, ${b} in the baseline`);
    }
  });
}

function comparable(value: unknown): string {
  if (typeof value === "object" && value !== null && "textContent" in value)
    return `node ${value.textContent}`;
  return JSON.stringify(value) ?? String(value);
}
