// Datasets for the selection table's tests, built in memory (Node and the browser page alike): LLM-shaped rows
// with a prompt and a response, links of every kind, and hostile text.
import {Field, FixedSizeList, Float32, makeData, Table, Vector, vectorFromArray} from "apache-arrow";
import {fromTable, type Dataset} from "../../src/index.ts";
import type {SelectionTableData} from "../../src/components/index.ts";

/** A 1 × 1 PNG as a data URL. */
export const PNG_DATA_URL =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

/** Raw data that would run script were it parsed as HTML: it sets window.__xss. */
export const XSS = `<img src=x onerror="window.__xss=1">`;

/** Row i's link: a script URL, an image as data, a remote image, markup — in turn. */
export const LINKS = ["javascript:window.__xss=2", PNG_DATA_URL, "https://example.com/cat.png", XSS];

const vectors = (n: number) => {
  const child = makeData({
    type: new Float32(),
    length: n * 2,
    data: Float32Array.from({length: n * 2}, (_, i) => i)
  });
  const type = new FixedSizeList(2, new Field("item", new Float32(), true));
  return new Vector([makeData({type, length: n, nullCount: 0, child})]);
};

/** A dataset of n rows: row i predicts "cat" or "dog" by i's parity, its prompt is XSS for i = 0. */
export function llmDataset(n: number, name: string): Dataset {
  const rows = Array.from({length: n}, (_, i) => i);
  const table = new Table({
    id: vectorFromArray(rows.map((i) => `${name}-${i}`)),
    prediction: vectorFromArray(rows.map((i) => (i % 2 ? "dog" : "cat"))),
    actual: vectorFromArray(rows.map((i) => (i % 3 ? "dog" : "cat"))),
    score: vectorFromArray(Float64Array.from(rows, (i) => (i * 7) % 10)),
    prompt: vectorFromArray(
      rows.map((i) =>
        i === 0 ? XSS : i === 1 ? `a long question ${"and more ".repeat(40)}end` : `question ${i}`
      )
    ),
    response: vectorFromArray(rows.map((i) => `answer ${i}`)),
    link: vectorFromArray(rows.map((i) => LINKS[i % LINKS.length]!)),
    v: vectors(n),
    w: vectors(n)
  });
  return fromTable(table, name, {
    name,
    schema: {
      predictionId: "id",
      predictionLabel: "prediction",
      actualLabel: "actual",
      features: ["score"],
      prompt: {vector: "v", rawData: "prompt", linkToData: "link"},
      response: {vector: "w", rawData: "response"}
    }
  });
}

/** A projection-like set of points over both datasets: primary rows 0…p−1, then reference rows 0…r−1. */
export function llmPoints(p: number, r: number): SelectionTableData {
  return {
    dataset: Uint8Array.from({length: p + r}, (_, i) => (i < p ? 0 : 1)),
    row: Int32Array.from({length: p + r}, (_, i) => (i < p ? i : i - p)),
    datasets: [llmDataset(p, "production"), llmDataset(r, "training")],
    embedding: "prompt"
  };
}
