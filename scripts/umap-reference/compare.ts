// Our UMAP against umap-learn on the digits, case by case: `node --import tsx scripts/umap-reference/compare.ts`
// runs every setting of test/fixtures/umap/reference.json with seeds 0–2 and prints both sides' mean
// trustworthiness and kNN recall (k = 15), and our time per run.
import {readFileSync} from "node:fs";
import {gunzipSync} from "node:zlib";
import {layoutQuality, umap, type UmapInit} from "../../src/cells/project/umap/index.ts";

interface Case {
  nNeighbors: number;
  nComponents: number;
  trustworthiness: number;
  knnRecall: number;
  seconds: number;
}

const root = new URL("../../", import.meta.url);
const reference = JSON.parse(readFileSync(new URL("test/fixtures/umap/reference.json", root), "utf8")) as {
  cases: Case[];
};
const [header, ...rows] = gunzipSync(readFileSync(new URL("notebooks/data/digits.csv.gz", root)))
  .toString()
  .trim()
  .split("\n");
const dim = header!.split(",").length - 1;
const vectors = Float32Array.from(rows.flatMap((row) => row.split(",").slice(0, dim).map(Number)));
const init = (process.argv[2] ?? "spectral") as UmapInit;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

console.log(`init ${init}; means over 3 seeds (ours) and 3 random states (umap-learn)`);
console.log(
  "nNeighbors nComponents | trust ours  umap-learn  diff | recall ours  umap-learn | s ours  umap-learn"
);
for (const nNeighbors of [15, 30]) {
  for (const nComponents of [2, 3]) {
    const theirs = reference.cases.filter(
      (c) => c.nNeighbors === nNeighbors && c.nComponents === nComponents
    );
    const ours: {trustworthiness: number; knnRecall: number; seconds: number}[] = [];
    for (const seed of [0, 1, 2]) {
      const start = performance.now();
      const {coordinates} = await umap(vectors, dim, {nNeighbors, nComponents, minDist: 0, seed, init});
      const seconds = (performance.now() - start) / 1000;
      ours.push({...layoutQuality(vectors, dim, coordinates, nComponents), seconds});
    }
    const t = mean(ours.map((c) => c.trustworthiness));
    const tRef = mean(theirs.map((c) => c.trustworthiness));
    console.log(
      [
        String(nNeighbors).padStart(10),
        String(nComponents).padStart(11),
        "|",
        t.toFixed(4),
        tRef.toFixed(4).padStart(11),
        (t - tRef).toFixed(4).padStart(7),
        "|",
        mean(ours.map((c) => c.knnRecall))
          .toFixed(4)
          .padStart(11),
        mean(theirs.map((c) => c.knnRecall))
          .toFixed(4)
          .padStart(11),
        "|",
        mean(ours.map((c) => c.seconds))
          .toFixed(2)
          .padStart(6),
        mean(theirs.map((c) => c.seconds))
          .toFixed(2)
          .padStart(11)
      ].join(" ")
    );
  }
}
