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

const describe = (element: Element) =>
  `${element.localName}${element.classList.length ? `.${[...element.classList].join(".")}` : ""}`;
