// tex, dot and the TeX and Graphviz cell types in a built page: KaTeX's stylesheet and fonts are the site's own
// files (the page's policy lets nothing else load), Graphviz's SVG follows the text colour, and a TeX error
// stays in its cell while the others render.
import assert from "node:assert/strict";
import {copyFile, mkdir, mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {startDevServer} from "../../src/runtime/vite/dev-server.ts";
import {cellText, openPage, waitForCellText} from "./support/chromium.ts";
import {builtSite} from "./support/built-site.ts";

const site = builtSite("tex-dot", "test/fixtures/notebooks/tex-dot.html");

test("tex, dot, TeX and Graphviz cells render in a built page with KaTeX's fonts from the site", async () => {
  const {page, requests, errors} = await openPage(site.browser);
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    // The browser asks for /favicon.ico on its own; a site without one answers 404, which is no error of ours.
    const {url} = message.location();
    if (message.type() === "error" && !url.endsWith("/favicon.ico"))
      consoleErrors.push(`${message.text()} ${url}`);
  });
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as {__violations: string[]}).__violations = []);
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`)
    );
  });
  await page.goto(`${site.origin}/tex-dot.html`);
  await waitForCellText(page, 7, "katex-display 2 nodes"); // a cell reads the TeX and Graphviz cells' outputs
  await waitForCellText(page, 6, "KaTeX parse error: Expected 'EOF', got '}' at position 2");
  await page.evaluate(() => document.fonts.ready);

  const rendered = await page.evaluate(() => {
    // No helper function here: tsx would wrap it in a __name() call that the page does not define.
    const cells = Array.from({length: 8}, (_, id) =>
      document.querySelector(`.phx-cell[data-cell-id="${id}"] .phx-output`)
    ) as Element[];
    const cell = cells.at.bind(cells) as (id: number) => Element;
    const katex = cell(1).querySelector(".katex-html");
    return {
      inline: cell(1).querySelectorAll(".katex").length,
      display: cell(2).querySelectorAll(".katex-display").length,
      // KaTeX's stylesheet applies: the formula is set in its own fonts, and the MathML is visually hidden.
      font: katex ? getComputedStyle(katex).fontFamily.split(",")[0] : null,
      mathml: getComputedStyle(cell(1).querySelector(".katex-mathml")!).position,
      loaded: [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family),
      nodes: cell(3).querySelectorAll("svg g.node").length,
      edges: cell(3).querySelectorAll("svg g.edge").length,
      // Graphviz's default black is the text colour.
      stroke: getComputedStyle(cell(3).querySelector("g.node ellipse")!).stroke,
      color: getComputedStyle(cell(3)).color,
      maxWidth: (cell(4).querySelector("svg") as SVGSVGElement).style.maxWidth
    };
  });
  assert.deepEqual(
    {...rendered, loaded: undefined},
    {
      inline: 1,
      display: 1,
      font: "KaTeX_Main",
      mathml: "absolute",
      loaded: undefined,
      nodes: 3,
      edges: 2,
      stroke: rendered.color,
      color: rendered.color,
      maxWidth: "100%"
    }
  );
  assert.ok(rendered.loaded.includes("KaTeX_Main"), `fonts loaded: ${rendered.loaded.join(", ")}`);
  assert.ok(
    rendered.loaded.includes("KaTeX_Size3"),
    "\\bigg's delimiters use KaTeX_Size3, a font under 4 KiB"
  );

  const fonts = requests.filter((url) => /KaTeX_.*\.woff2$/.test(url));
  assert.ok(
    fonts.some((url) => url.startsWith(`${site.origin}/assets/KaTeX_Main-Regular`)),
    fonts.join()
  );
  assert.ok(
    fonts.some((url) => url.startsWith(`${site.origin}/assets/KaTeX_Size3-Regular`)),
    fonts.join()
  );
  assert.deepEqual(
    requests.filter((url) => new URL(url).origin !== site.origin),
    [],
    "every request goes to the static server"
  );
  assert.deepEqual(
    await page.evaluate(() => (window as unknown as {__violations: string[]}).__violations),
    []
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(consoleErrors, []);
  assert.match(await cellText(page, 5), /y/);

  await mkdir("test-results", {recursive: true});
  await page.screenshot({path: "test-results/tex-dot.png", fullPage: true});
});

test("the dev server serves KaTeX's fonts, wherever the package's node_modules really is", async () => {
  const dir = await mkdtemp(join(tmpdir(), "phoenix-tex-dev-"));
  await copyFile("test/fixtures/notebooks/tex-dot.html", join(dir, "tex-dot.html"));
  const dev = await startDevServer({root: dir, port: 0, logLevel: "silent"});
  try {
    const {page} = await openPage(site.browser);
    const fonts: string[] = [];
    page.on("response", (response) => {
      if (/KaTeX_Main-Regular\.woff2$/.test(response.url())) fonts.push(String(response.status()));
    });
    await page.goto(`${dev.url}tex-dot.html`);
    await waitForCellText(page, 7, "katex-display 2 nodes");
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((font) => font.status === "loaded").map((font) => font.family);
    });
    assert.deepEqual(fonts, ["200"]);
    assert.ok(loaded.includes("KaTeX_Main"), `fonts loaded: ${loaded.join(", ")}`);
  } finally {
    await dev.close();
    await rm(dir, {recursive: true, force: true});
  }
});
