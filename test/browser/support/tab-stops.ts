import type {Page} from "playwright-core";

/**
 * Where Tab takes the keyboard inside the element `selector`: a button is put just before it and focused,
 * then Tab is pressed until the focus leaves the element. Each stop is described as
 * "tag.class[aria-label or text]" of the focused element (inside the element's shadow root); the button is
 * removed after. More than `limit` stops throws (a list whose every row is one would go on and on).
 */
export async function tabStops(page: Page, selector: string, limit = 40): Promise<string[]> {
  await page.$eval(selector, (view) => {
    const before = document.createElement("button");
    before.id = "before-view";
    before.textContent = "before";
    view.before(before);
    before.focus();
  });
  const stops: string[] = [];
  try {
    for (let k = 0; k <= limit; ++k) {
      await page.keyboard.press("Tab");
      const stop = await page.$eval(selector, (view) => {
        if (!view.contains(document.activeElement) && document.activeElement !== view) return null;
        const at = view.shadowRoot?.activeElement ?? view;
        const name = at.getAttribute("aria-label") ?? at.textContent?.trim().slice(0, 40) ?? "";
        return `${at.localName}${at.classList.length ? `.${[...at.classList].join(".")}` : ""}[${name}]`;
      });
      if (stop === null) return stops;
      stops.push(stop);
    }
    throw new Error(`more than ${limit} tab stops in ${selector}: ${stops.slice(0, 5).join(", ")}, …`);
  } finally {
    await page.$eval("#before-view", (before) => before.remove());
  }
}
