// The selection table's bench page (bundled by Vite, run in headless chromium): a table of n rows, sorted by a
// column, then timed per update: from the key press or scroll to the element's updateComplete.
import {phx} from "../../src/bindings/phx.ts";
import {wordPoints} from "./words.ts";

/** What the page puts on window. */
export interface SelectionBenchPage {
  /** Mounts n rows with the extra column "txt", sorted by the header `sortBy`: ms the sort's update took. */
  mount(n: number, sortBy: string): Promise<number>;
  /** ms per ArrowDown on the grid, to updateComplete. */
  arrowDown(steps: number): Promise<number[]>;
  /** ms per scroll of 50 rows, from the scroll event to updateComplete. */
  scroll(steps: number): Promise<number[]>;
}

type Table = HTMLElement & {updateComplete: Promise<boolean>};
const page = window as unknown as SelectionBenchPage;
const table = () => document.querySelector("phx-selection-table") as Table;
const part = (selector: string) => table().shadowRoot!.querySelector<HTMLElement>(selector)!;

page.mount = async (n, sortBy) => {
  const view = phx.selectionTable(
    wordPoints(n),
    Int32Array.from({length: n}, (_, i) => i),
    {
      columns: ["txt"]
    }
  ) as unknown as Table;
  document.body.replaceChildren(view);
  await view.updateComplete;
  const button = [...view.shadowRoot!.querySelectorAll<HTMLButtonElement>(".head button")].find(
    (b) => b.textContent!.trim() === sortBy
  )!;
  const start = performance.now();
  button.click();
  await view.updateComplete;
  return performance.now() - start;
};

page.arrowDown = async (steps) => {
  const grid = part(".grid");
  grid.focus();
  const times: number[] = [];
  for (let k = 0; k < steps; ++k) {
    const start = performance.now();
    grid.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowDown", bubbles: true}));
    await table().updateComplete;
    times.push(performance.now() - start);
  }
  return times;
};

page.scroll = async (steps) => {
  const scroller = part(".scroller");
  const times: number[] = [];
  for (let k = 0; k < steps; ++k) {
    // The start is caught on the way down (capture), before the table's listener; the end by a listener added
    // after the table's, which runs once the update its listener asked for has run (a microtask between them).
    let start = 0;
    const caught = () => (start = performance.now());
    table().shadowRoot!.addEventListener("scroll", caught, {capture: true, once: true});
    const scrolled = new Promise((done) => scroller.addEventListener("scroll", done, {once: true}));
    scroller.scrollTop += 52 * 50;
    await scrolled;
    await table().updateComplete;
    times.push(performance.now() - start);
  }
  return times;
};
