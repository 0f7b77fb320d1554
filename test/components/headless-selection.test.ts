// The selection table and projection settings built in happy-dom (as the headless runner has it): each renders,
// keeps its value and summarizes itself as text.
import assert from "node:assert/strict";
import {test} from "node:test";
import {toJson} from "../../src/runtime/headless/summarize.ts";
import {installHeadlessDom} from "../../src/runtime/stdlib/headless-dom.ts";
import {mounted} from "./mounted.ts";
import {llmPoints, XSS} from "./selection-fixtures.ts";

installHeadlessDom();
// lit takes the DOM it finds when its classes are defined: import it only once happy-dom is in place.
const {phx} = await import("../../src/bindings/phx.ts");

test("phx.selectionTable() summarizes its rows by dataset and the picked row", async () => {
  const points = llmPoints(5, 3);
  const table = await mounted(phx.selectionTable(points, [0, 6, 2], {value: {dataset: 1, row: 1, point: 6}}));
  assert.deepEqual(toJson(table), {
    type: "element",
    tag: "phx-selection-table",
    text: "3 rows (production 2, training 1); picked: training row 1"
  });
  // Point 0 is production row 0, whose prompt is markup: it is text in the table, never an element.
  assert.ok(table.shadowRoot!.textContent!.includes(XSS));
  assert.equal(table.shadowRoot!.querySelector("[role=row][data-row] img[src=x]"), null);
});

test("phx.selectionTable() with nothing selected says so", async () => {
  const table = await mounted(phx.selectionTable(llmPoints(2, 1), null));
  assert.match(table.shadowRoot!.querySelector(".empty")!.textContent!, /No rows selected/);
  assert.equal(table.toJSON().text, "0 rows (production 0, training 0); picked: none");
});

test("phx.selectionTable() names a point outside the projection, an unknown column and option", () => {
  const points = llmPoints(2, 2);
  assert.throws(() => phx.selectionTable(points, [4]), /point 4 is outside the projection's 0…3/);
  assert.throws(() => phx.selectionTable(points, {reference: [2]}), /reference row 2 is outside 0…1/);
  assert.throws(() => phx.selectionTable(points, [], {columns: ["scor"]}), /no column "scor"/);
  assert.throws(() => phx.selectionTable(points, [], {column: ["score"]} as never), /did you mean "columns"/);
});

test("phx.projectionSettings() starts from Phoenix's defaults, or those given, and summarizes them", async () => {
  const settings = await mounted(phx.projectionSettings());
  assert.deepEqual(settings.value, {
    project: {nComponents: 3, nNeighbors: 30, minDist: 0, samples: 500},
    cluster: {minClusterSize: 10, minSamples: 1, clusterSelectionEpsilon: 0}
  });
  const given = await mounted(phx.projectionSettings({nComponents: 2, minClusterSize: 25}));
  assert.deepEqual(toJson(given), {
    type: "element",
    tag: "phx-projection-settings",
    text: "UMAP 2-D, 30 neighbors, min dist 0, 500 samples; HDBSCAN min cluster size 25, min samples 1, epsilon 0"
  });
});

test("phx.projectionSettings() refuses defaults out of range or misspelled", () => {
  assert.throws(() => phx.projectionSettings({nNeighbors: 4}), /n neighbors must be from 5 to 100, not 4/);
  assert.throws(() => phx.projectionSettings({minDist: 1}), /min dist must be from 0 to 0.99, not 1/);
  assert.throws(() => phx.projectionSettings({minClusterSize: 2.5}), /min cluster size must be an integer/);
  assert.throws(() => phx.projectionSettings({nNeighbours: 10} as never), /did you mean "nNeighbors"/);
});
