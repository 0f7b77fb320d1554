// <phx-selection-table> in happy-dom (as the headless runner has it): what an update costs once sorted. A
// scroll or a key press changes no row, so it reads only the rows it draws, never the sorted column again.
import assert from "node:assert/strict";
import {test} from "node:test";
import {Table, vectorFromArray} from "apache-arrow";
import {fromTable} from "../../../src/cells/dataset/from-table.ts";
import {installHeadlessDom} from "../../../src/runtime/stdlib/headless-dom.ts";
import {mounted} from "../mounted.ts";

installHeadlessDom();
// lit takes the DOM it finds when its classes are defined: import it only once happy-dom is in place.
const {phx} = await import("../../../src/bindings/phx.ts");

/** n points whose "txt" is "word N" (N shuffled), with `reads()`: how many txt cells were read so far. */
function countedWords(n: number) {
  const texts = Array.from({length: n}, (_, i) => `word ${(i * 7919) % n}`);
  const dataset = fromTable(new Table({txt: vectorFromArray(texts)}), "words", {name: "production"});
  let reads = 0;
  const getChild = dataset.table.getChild.bind(dataset.table);
  dataset.table.getChild = ((name: string) => {
    const vector = getChild(name);
    if (name !== "txt" || !vector) return vector;
    const get = vector.get.bind(vector);
    return Object.assign(vector, {get: (i: number) => (++reads, get(i))});
  }) as typeof dataset.table.getChild;
  const data = {dataset: new Uint8Array(n), row: Int32Array.from(texts, (_, i) => i), datasets: [dataset]};
  return {data, reads: () => reads};
}

test("a sorted phx-selection-table does not sort again on a scroll or a key press", async () => {
  const n = 500;
  const {data, reads} = countedWords(n);
  const table = await mounted(phx.selectionTable(data, data.row, {columns: ["txt"]}));
  const root = table.shadowRoot!;
  root.querySelector<HTMLButtonElement>(".head button[data-key='column:txt']")!.click();
  await table.updateComplete;
  const firstText = () => root.querySelector("[role=row][data-row] [role=gridcell]:last-child")!.textContent;
  assert.equal(firstText()!.trim(), "word 0");
  const sorted = reads();

  const scroller = root.querySelector<HTMLElement>(".scroller")!;
  scroller.scrollTop = 52 * 100;
  scroller.dispatchEvent(new Event("scroll"));
  await table.updateComplete;
  assert.equal(root.querySelector("[role=row][data-row]")!.getAttribute("aria-rowindex"), "96"); // 100 − 6 + 2
  const grid = root.querySelector<HTMLElement>(".grid")!;
  grid.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowDown"}));
  await table.updateComplete;
  assert.equal(grid.getAttribute("aria-activedescendant"), "row-1");
  // Each update draws a few dozen rows; sorting again would read all 500.
  assert.ok(reads() - sorted < n / 2, `${reads() - sorted} cells read by a scroll and a key press`);
});
