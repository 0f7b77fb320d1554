import {chromium, type Browser, type Page} from "playwright-core";

/**
 * Headless Chromium from the system (the CI installs the `chromium` package), with the project's flags and
 * any `extraArgs` (WebGL tests add "--enable-unsafe-swiftshader": with --disable-gpu, WebGL runs on it).
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", ...extraArgs]
  });
}

/** A page that records the URL of every request it makes, and fails loudly on uncaught page errors. */
export async function openPage(
  browser: Browser
): Promise<{page: Page; requests: string[]; errors: string[]}> {
  const page = await browser.newPage({viewport: {width: 1100, height: 900}});
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => errors.push(error.message));
  return {page, requests, errors};
}

/** Waits until the cell with `id` has settled with a text containing `text`. */
export async function waitForCellText(page: Page, id: number, text: string): Promise<void> {
  await page.waitForFunction(
    ([id, text]) => {
      const cell = document.querySelector(`.phx-cell[data-cell-id="${id}"]`);
      return cell?.getAttribute("data-status") !== "pending" && (cell?.textContent ?? "").includes(text);
    },
    [String(id), text] as const,
    {timeout: 30_000}
  );
}

/** The text of the cell with `id`. */
export async function cellText(page: Page, id: number): Promise<string> {
  return page.$eval(`.phx-cell[data-cell-id="${id}"]`, (cell) => cell.textContent ?? "");
}

/** Moves the first range input to `value` the way a user's drag does: set it, then fire `input`. */
export async function moveSlider(page: Page, value: number): Promise<void> {
  await page.$eval(
    "input[type=range]",
    (input, value) => {
      (input as HTMLInputElement).value = String(value);
      input.dispatchEvent(new Event("input", {bubbles: true}));
    },
    value
  );
}
