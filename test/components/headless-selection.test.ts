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

test("phx.selectionTable() given a point outside the projection by code summarizes that, not the old rows", async () => {
  const table = await mounted(phx.selectionTable(llmPoints(3, 2), [0, 1, 2]));
  table.selection = [0, 9];
  await table.updateComplete;
  assert.equal(
    table.toJSON().text,
    "Cannot list the rows: selectionTable: point 9 is outside the projection's 0…4"
  );
  assert.equal(table.shadowRoot!.querySelectorAll("[role=row]").length, 0);
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

test("projectionSettings' checkValue: a value set from outside (--set) is checked as the controls check it", async () => {
  const settings = await mounted(phx.projectionSettings());
  const value = {
    project: {nComponents: 2, nNeighbors: 15, minDist: 0.1, samples: 200},
    cluster: {minClusterSize: 5, minSamples: 2, clusterSelectionEpsilon: 0.5}
  };
  assert.deepEqual(settings.checkValue(value), value);
  const bad = (project: object, cluster: object = {}) => ({
    project: {...value.project, ...project},
    cluster: {...value.cluster, ...cluster}
  });
  assert.throws(() => settings.checkValue(bad({nComponents: 4})), {
    name: "RangeError",
    message: "project.nComponents: dimensions must be from 2 to 3, not 4"
  });
  assert.throws(() => settings.checkValue(bad({}, {minClusterSize: 1})), {
    message: "cluster.minClusterSize: min cluster size must be at least 2, not 1"
  });
  assert.throws(() => settings.checkValue(bad({samples: "many"})), {
    message: "project.samples: samples per dataset must be an integer from 100 to 100000"
  });
  // The shape: both groups, every field, nothing else (a flat value is a likely slip).
  assert.throws(() => settings.checkValue({nComponents: 2}), {
    message: 'expected {project: {…}, cluster: {…}}: unknown key "nComponents"'
  });
  assert.throws(() => settings.checkValue({project: value.project}), {
    message: "expected {project: {…}, cluster: {…}}: cluster is missing"
  });
  const {nNeighbors: _, ...lacking} = value.project;
  assert.throws(() => settings.checkValue({...value, project: lacking}), {
    message: "project.nNeighbors is missing"
  });
  assert.throws(() => settings.checkValue(bad({nNeighbours: 10})), {
    message: 'project: unknown key "nNeighbours" (expected nComponents, nNeighbors, minDist, samples)'
  });
  assert.throws(() => settings.checkValue(null), {
    message: "expected {project: {…}, cluster: {…}}, not null"
  });
});
