// Layout checks run in the page (bundled with the test pages): whether a view's content stays in its box.

/** A label with no place to break: 200 characters, the length a review found to push columns out. */
export const LONG_LABEL = `feature_${"x".repeat(184)}_the_end`;

/**
 * What of `view` does not fit its box, one line per fault: the host scrolls sideways (scrollWidth beyond
 * clientWidth); an element inside scrolls sideways (its own scrollbar: content pushed out of a list); a
 * number cell (`.num`) or a cell of the grid lies partly outside the host's box. Empty: everything fits.
 */
export function layoutFaults(view: HTMLElement): string[] {
  const faults: string[] = [];
  if (view.scrollWidth > view.clientWidth)
    faults.push(`${view.localName} scrollWidth ${view.scrollWidth} > clientWidth ${view.clientWidth}`);
  const box = view.getBoundingClientRect();
  for (const element of view.shadowRoot?.querySelectorAll<HTMLElement>("*") ?? []) {
    const overflow = getComputedStyle(element).overflowX;
    const scrolls = overflow === "auto" || overflow === "scroll";
    if (scrolls && element.scrollWidth > element.clientWidth)
      faults.push(`${describe(element)} scrolls: ${element.scrollWidth} > ${element.clientWidth}`);
    if (!element.matches(".num, [role=gridcell], td, th")) continue;
    const cell = element.getBoundingClientRect();
    if (cell.width > 0 && (cell.left < box.left - 0.5 || cell.right > box.right + 0.5))
      faults.push(`${describe(element)} at ${cell.left}…${cell.right} outside ${box.left}…${box.right}`);
  }
  return faults;
}

/**
 * Where the texts of `view`'s header cells (th) overlap, one line per pair of neighbours: a header too narrow
 * for its text spills it over the next. Each text's box is its contents' (a Range's), not the cell's.
 */
export function headOverlaps(view: HTMLElement): string[] {
  const boxes = [...(view.shadowRoot?.querySelectorAll("th") ?? [])].flatMap((th) => {
    const range = document.createRange();
    range.selectNodeContents(th);
    const box = range.getBoundingClientRect();
    const text = th.textContent?.trim() ?? "";
    return text && box.width > 0 ? [{text, left: box.left, right: box.right}] : [];
  });
  const overlaps: string[] = [];
  for (let k = 1; k < boxes.length; ++k) {
    const [a, b] = [boxes[k - 1]!, boxes[k]!];
    if (a.right > b.left + 0.5)
      overlaps.push(`"${a.text}" ${a.left}…${a.right} overlaps "${b.text}" ${b.left}…${b.right}`);
  }
  return overlaps;
}

const describe = (element: Element) =>
  `${element.localName}${element.classList.length ? `.${[...element.classList].join(".")}` : ""}`;
