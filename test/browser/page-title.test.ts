// A built page whose notebook has no <title> is titled by its first heading (pageMeta), before and after its
// cells run.
import assert from "node:assert/strict";
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {test} from "node:test";
import {builtSite} from "./support/built-site.ts";

const site = builtSite("title", async (dir) => {
  const file = join(dir, "untitled.html");
  await writeFile(
    file,
    `<!doctype html>
<notebook>
  <script id="1" type="text/markdown">
    # Drift, *by* week

    A notebook without a title of its own.
  </script>
  <script id="2" type="application/vnd.observable.javascript">
    1 + 1
  </script>
</notebook>
`
  );
  return file;
});

test("a page without a <title> keeps its first heading as its title once its cells have run", async () => {
  const page = await site.browser.newPage();
  try {
    await page.goto(`${site.origin}/untitled.html`);
    assert.equal(await page.title(), "Drift, by week"); // as served
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll(".phx-cell")].length === 2 &&
        [...document.querySelectorAll(".phx-cell")].every(
          (cell) => (cell as HTMLElement).dataset.status === "fulfilled"
        )
    );
    assert.equal(await page.title(), "Drift, by week");
  } finally {
    await page.close();
  }
});
