import {Table, vectorFromArray} from "apache-arrow";
import {fromTable} from "../../src/cells/dataset/from-table.ts";
import type {SelectionTableData} from "../../src/components/index.ts";

/** Row i's text: "word N", N a fixed shuffle of 0…n−1 (7,919 is prime, so i ↦ 7,919·i mod n is one-to-one). */
export function words(n: number): string[] {
  return Array.from({length: n}, (_, i) => `word ${(i * 7919) % n}`);
}

/** n points of one dataset: a text column "txt" ("word N") and a prediction label of ten values. */
export function wordPoints(n: number): SelectionTableData {
  const table = new Table({
    txt: vectorFromArray(words(n)),
    prediction: vectorFromArray(Array.from({length: n}, (_, i) => `digit ${(i * 31) % 10}`))
  });
  const dataset = fromTable(table, "words", {name: "production", schema: {predictionLabel: "prediction"}});
  return {
    dataset: new Uint8Array(n),
    row: Int32Array.from({length: n}, (_, i) => i),
    datasets: [dataset]
  };
}
