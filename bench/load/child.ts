// One timed read in a fresh process, so that its peak RSS is its own: prints a JSON line with the time, the
// RSS before reading (node, tsx and the modules) and the peak, and a checksum of the vectors.
import {readTable} from "../../src/cells/dataset/formats/index.ts";
import {peakRss} from "../peak-rss.ts";

const file = process.argv[2]!;
const before = peakRss();
const start = performance.now();
const {table} = await readTable(file);
const ms = performance.now() - start;
const peak = peakRss();
const vectors = table.getChild("embedding")!.data[0]!.children[0]!.values as Float32Array;
let checksum = 0;
for (let i = 0; i < vectors.length; i += 97) checksum += vectors[i]!;
console.log(JSON.stringify({ms, before, peak, rows: table.numRows, values: vectors.length, checksum}));
