// The selection table's test page (bundled by Vite, run in chromium): loads the digits datasets from the
// notebook's parquet files, or builds the in-memory fixture, and mounts the views. Helpers live on window.
import * as px from "../../../src/index.ts";
import {phx} from "../../../src/bindings/phx.ts";
import type {SelectionTableOptions} from "../../../src/bindings/phx.ts";
import type {SelectionTableData, TableSelection} from "../../../src/components/index.ts";
import {llmDataset, llmPoints} from "../selection-fixtures.ts";
import {layoutFaults, LONG_LABEL} from "./layout.ts";

/** What the page puts on window. */
export interface SelectionPage {
  /** The `value` of each `input` event, as JSON, in order. */
  inputs: string[];
  __xss?: number;
  /** The digits' points (dataset, row per point) with the given selection, pixels drawn from the vectors. */
  mountDigits(
    points: {dataset: readonly number[]; row: readonly number[]},
    selection: readonly number[],
    labels: readonly number[]
  ): Promise<void>;
  /** The fixture's p primary and r reference rows, all selected unless `selection` is given. */
  mountFixture(
    p: number,
    r: number,
    options: SelectionTableOptions & {selection?: TableSelection}
  ): Promise<void>;
  mountSettings(theme?: "light" | "dark"): Promise<void>;
  /**
   * The fixture's 3 primary and 2 reference rows, the primary dataset named LONG_LABEL (its dataset cells
   * and the extra "id" column, `${name}-${row}`, are longer still): the table's layout faults (layout.ts).
   */
  mountLongLabels(): Promise<string[]>;
}

const page = window as unknown as SelectionPage;
page.inputs = [];

async function mount(view: HTMLElement & {value: unknown; updateComplete: Promise<boolean>}) {
  document.body.replaceChildren(view);
  view.style.width = "900px";
  view.addEventListener("input", () => page.inputs.push(JSON.stringify(view.value)));
  await view.updateComplete;
}

page.mountDigits = async (points, selection, labels) => {
  const schema = (await (await fetch("data/digits-schema.json")).json()) as px.PhoenixSchemaJson;
  const production = await px.load("data/digits-production.parquet", {schema, name: "production"});
  const training = await px.load("data/digits-training.parquet", {schema, name: "training"});
  const projection: SelectionTableData = {
    dataset: Uint8Array.from(points.dataset),
    row: Int32Array.from(points.row),
    datasets: [production, training],
    embedding: "image_embedding"
  };
  const clusters = {labels: Int32Array.from(labels)};
  await mount(
    phx.selectionTable(projection, selection, {
      clusters,
      pixels: {column: "image_embedding"},
      columns: ["ink"]
    })
  );
};

page.mountFixture = async (p, r, {selection, ...options}) => {
  await mount(
    phx.selectionTable(llmPoints(p, r), selection ?? Array.from({length: p + r}, (_, i) => i), options)
  );
};

page.mountSettings = async (theme) => {
  await mount(phx.projectionSettings(theme ? {} : {nComponents: 2}));
  if (theme) document.querySelector("phx-projection-settings")!.setAttribute("theme", theme);
};

page.mountLongLabels = async () => {
  const data = llmPoints(3, 2);
  const datasets = [llmDataset(3, LONG_LABEL), data.datasets[1]!];
  await mount(phx.selectionTable({...data, datasets}, [0, 1, 2, 3, 4], {columns: ["id"]}));
  await new Promise((done) => requestAnimationFrame(done));
  return layoutFaults(document.querySelector("phx-selection-table")!);
};
