// `build --single-file` in chromium: each page opens from file:// with no server, requests nothing but the
// document (the chunks, wasm, workers, attachments and baked values it carries are served as the page's own
// blob: and data: URLs), every cell fulfils, and its policy allows its one inline script by hash.
import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {tableFromIPC} from "apache-arrow";
import type {Browser, Page} from "playwright-core";
import {build} from "../../src/cli/build.ts";
import {launchChromium} from "./support/chromium.ts";

let browser: Browser;
let out: string;

before(async () => {
  out = await mkdtemp(join(tmpdir(), "phoenix-single-"));
  // penguins carries duckdb-wasm for its SQL cell (46 MB as base64): over the default limit.
  // One folder each: a build into a folder replaces what the previous build wrote there.
  assert.equal(
    await build(["notebooks/digits-drift.html", "--out", join(out, "digits"), "--single-file"]),
    0
  );
  const penguins = ["--out", join(out, "penguins"), "--single-file", "--max-size", "80", "--no-bake"];
  assert.equal(await build([await penguinsWithSql(join(out, "src")), ...penguins]), 0);
  const small = ["--out", join(out, "small"), "--single-file", "--no-bake"];
  assert.equal(await build([await smallNotebooks(join(out, "small-src")), ...small]), 0);
  browser = await launchChromium(["--enable-unsafe-swiftshader"]);
});

// The penguins notebook with the SQL cell it had before SQL moved to digits-sql.html (to keep DuckDB off the
// penguins page): the same question, per species, on the slider's value as a bound parameter.
const SQL_CELLS = `
  <script id="9" type="application/sql" database="duckdb" output="bySpecies">
    SELECT species, count(*) AS penguins, round(avg(body_mass_g)) AS mean_mass_g
    FROM "data/penguins.csv"
    WHERE body_mass_g >= \${minMass}
    GROUP BY species
    ORDER BY species
  </script>
`;

async function penguinsWithSql(dir: string): Promise<string> {
  await mkdir(join(dir, "data"), {recursive: true});
  await copyFile("notebooks/data/penguins.csv", join(dir, "data", "penguins.csv"));
  const source = await readFile("notebooks/penguins.html", "utf8");
  const file = join(dir, "penguins.html");
  await writeFile(file, source.replace("</notebook>", `${SQL_CELLS}</notebook>`));
  return file;
}

// A notebook of one Markdown cell; the penguins notebook as it is (no SQL); and one whose cells show an attached
// image by its url(), run a task in a worker (px's clustering, by name) and typeset TeX (KaTeX's fonts).
const MARKDOWN = `<!doctype html>
<notebook>
  <title>Markdown</title>
  <script id="1" type="text/markdown">
    # One cell

    Nothing but *Markdown*.
  </script>
</notebook>
`;
const FILES = `<!doctype html>
<notebook>
  <title>Files</title>
  <script id="1" type="application/vnd.observable.javascript">
    pixel = {
      const image = document.createElement("img");
      image.src = await FileAttachment("pixel.png").url();
      await image.decode();
      return image;
    }
  </script>
  <script id="2" type="application/vnd.observable.javascript">
    clustering = worker.run("cluster", {
      coordinates: new Float32Array([0, 0, 0.1, 0, 0, 0.1, 0.1, 0.1, 10, 10, 10.1, 10, 10, 10.1, 10.1, 10.1]),
      nComponents: 2,
      options: {minClusterSize: 3}
    })
  </script>
  <script id="4" type="application/vnd.observable.javascript">
    tex\`E = mc^2\`
  </script>
  <script id="3" type="application/vnd.observable.javascript">
    html\`<output>\${Array.from(clustering.labels).join(" ")}</output>\`
  </script>
</notebook>
`;
const PIXEL = "test/conformance/notebooks/file-attachments/pixel.png";

async function smallNotebooks(dir: string): Promise<string> {
  await mkdir(join(dir, "data"), {recursive: true});
  await copyFile("notebooks/data/penguins.csv", join(dir, "data", "penguins.csv"));
  await copyFile("notebooks/penguins.html", join(dir, "penguins.html"));
  await copyFile(PIXEL, join(dir, "pixel.png"));
  await writeFile(join(dir, "markdown.html"), MARKDOWN);
  await writeFile(join(dir, "files.html"), FILES);
  return dir;
}

after(async () => {
  await browser?.close();
  await rm(out, {recursive: true, force: true});
});

interface Opened {
  readonly page: Page;
  /** Every URL requested, from page.on("request") and from CDP's Network domain (workers included). */
  readonly requests: string[];
  readonly errors: string[];
}

/** Opens a built page from file://, counting the workers it starts and the policy violations it reports. */
async function open(file: string): Promise<Opened> {
  const page = await browser.newPage({viewport: {width: 1100, height: 900}});
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => errors.push(error.message));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  cdp.on("Network.requestWillBeSent", (event) => requests.push(event.request.url));
  await page.addInitScript(() => {
    const counted = window as unknown as {workersStarted: number; violations: string[]};
    counted.workersStarted = 0;
    counted.violations = [];
    document.addEventListener("securitypolicyviolation", (event) =>
      counted.violations.push(`${event.violatedDirective} ${event.blockedURI}`)
    );
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        ++counted.workersStarted;
      }
    };
  });
  await page.goto(`file://${join(out, file)}`);
  await page.waitForFunction(
    () => {
      const cells = [...document.querySelectorAll(".phx-cell")];
      return cells.length > 0 && cells.every((cell) => cell.getAttribute("data-status") !== "pending");
    },
    undefined,
    {timeout: 120_000}
  );
  return {page, requests, errors};
}

/** The cells that did not fulfil, with their text. */
const notFulfilled = (page: Page) =>
  page.$$eval(".phx-cell", (cells) =>
    cells
      .filter((cell) => cell.getAttribute("data-status") !== "fulfilled")
      .map((cell) => `${cell.getAttribute("data-cell-id")}: ${cell.textContent}`)
  );

/** What left the page: every request but its blob: and data: URLs, which are its own bytes. */
const offPage = (requests: readonly string[]) => [
  ...new Set(requests.filter((url) => !url.startsWith("blob:") && !url.startsWith("data:")))
];

const workersStarted = (page: Page) =>
  page.evaluate(() => (window as unknown as {workersStarted: number}).workersStarted);
const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as {violations: string[]}).violations);

/** A file the single page carries, by its path beside the page. */
async function carried(file: string, path: string): Promise<Buffer> {
  const html = await readFile(join(out, file), "utf8");
  const block = new RegExp(`data-path="${path.replace(/\./g, "\\.")}"[^>]*>([^<]*)</script>`).exec(html);
  assert.ok(block, `${file} carries ${path}`);
  return Buffer.from(block[1]!, "base64");
}

/** Every file a single page carries (its inert blocks), decoded. */
async function carriedFiles(file: string): Promise<Buffer[]> {
  const html = await readFile(join(out, file), "utf8");
  const blocks = html.matchAll(/<script type="application\/x-phoenix-notebook-file"[^>]*>([^<]*)<\/script>/g);
  return [...blocks].map((match) => Buffer.from(match[1]!, "base64"));
}

// Markers of what a page should carry only when its cells can load it, read from the sources they are built
// from: bytes of duckdb-wasm's module (the "eh" one, the one a single file carries), the class-name prefix of
// Plot's figures, and the name of UMAP's error class (in px's worker, and in px).
async function markers(): Promise<Record<"duckdb" | "plot" | "umap", Buffer>> {
  const wasm = await readFile("node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm");
  const style = await readFile("node_modules/@observablehq/plot/src/style.js", "utf8");
  const umap = await readFile("src/cells/project/umap/errors.ts", "utf8");
  return {
    duckdb: wasm.subarray(1 << 20, (1 << 20) + 64),
    plot: Buffer.from(/return "(plot-[\da-f]{6})"/.exec(style)![1]!),
    umap: Buffer.from(/name = "(Umap\w*Error)"/.exec(umap)![1]!)
  };
}

/** Which markers the page's files hold. */
async function markersIn(file: string): Promise<string[]> {
  const files = await carriedFiles(file);
  return Object.entries(await markers())
    .filter(([, marker]) => files.some((bytes) => bytes.includes(marker)))
    .map(([name]) => name)
    .sort();
}

test("build --single-file writes one HTML file per notebook and nothing beside it", async () => {
  const files = (await readdir(join(out, "digits"))).filter((name) => !name.startsWith("."));
  assert.deepEqual(files, ["digits-drift.html"]);
});

test("the digits page opens from file:// with no request, draws the baked projection and starts no worker", async () => {
  const {page, requests, errors} = await open("digits/digits-drift.html");
  assert.deepEqual(await notFulfilled(page), []);
  assert.deepEqual(offPage(requests), [`file://${join(out, "digits", "digits-drift.html")}`]);
  const baked = tableFromIPC(await carried("digits/digits-drift.html", "digits-drift.bake/15.arrow"));
  const x = baked.getChild("x")!.toArray() as Float32Array;
  const y = baked.getChild("y")!.toArray() as Float32Array;
  const shown = await page.$eval("phx-point-cloud", (element) =>
    Array.from((element as unknown as {projection: {coordinates: Float32Array}}).projection.coordinates)
  );
  assert.deepEqual(
    shown,
    Array.from(x).flatMap((xi, i) => [xi, y[i]!])
  );
  assert.equal(await workersStarted(page), 0, "no UMAP worker: the projection is the baked one");
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
  await page.screenshot({path: join(out, "digits-single.png")});
  await page.close();
});

test("the digits page projects live in its worker, bundled whole, when the reader moves an input", async () => {
  const {page, requests, errors} = await open("digits/digits-drift.html");
  // The settings panel's samples field (in its shadow root, which locators pierce), typed as a reader does.
  const samples = page.locator("phx-projection-settings input[name=samples]");
  await samples.fill("450");
  await samples.press("Tab");
  // 450 samples of each dataset: 900 points, x and y each, once UMAP has run in the worker.
  await page.waitForFunction(
    () => {
      const cloud = document.querySelector("phx-point-cloud") as unknown as {
        projection?: {coordinates: Float32Array};
      };
      return cloud.projection?.coordinates.length === 1800;
    },
    undefined,
    {timeout: 120_000}
  );
  assert.ok((await workersStarted(page)) > 0, "UMAP ran in a worker");
  assert.deepEqual(await notFulfilled(page), []);
  assert.deepEqual(offPage(requests), [`file://${join(out, "digits", "digits-drift.html")}`]);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the penguins page runs its SQL cell on the duckdb-wasm it carries, from file://, with no request", async () => {
  const {page, requests, errors} = await open("penguins/penguins.html");
  assert.deepEqual(await notFulfilled(page), []);
  assert.deepEqual(offPage(requests), [`file://${join(out, "penguins", "penguins.html")}`]);
  // The hand count of data/penguins.csv at the slider's default (4000 g), species by species.
  const rows = (await readFile("notebooks/data/penguins.csv", "utf8")).trim().split("\n").slice(1);
  const counts = new Map<string, number>();
  for (const [species, , , , , mass] of rows.map((row) => row.split(",")))
    if (mass !== "" && mass !== "NA" && Number(mass) >= 4000)
      counts.set(species!, (counts.get(species!) ?? 0) + 1);
  const shown = await page.$$eval('.phx-cell[data-cell-id="9"] tr', (rows) =>
    rows.map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent ?? ""))
  );
  const bySpecies = shown
    .filter((cells) => cells.length > 0)
    .map(([species, count]) => [species, Number(count)]);
  assert.deepEqual(
    bySpecies,
    [...counts].sort(([a], [b]) => a!.localeCompare(b!))
  );
  assert.ok((await workersStarted(page)) > 0, "duckdb-wasm's worker started");
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a single page's policy allows its one inline script by hash, and no inline script otherwise", async () => {
  const html = await readFile(join(out, "penguins", "penguins.html"), "utf8");
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
  assert.equal(scripts.length, 1);
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? "";
  const scriptSrc = policy.split("; ").find((directive) => directive.startsWith("script-src ")) ?? "";
  const hash = createHash("sha256").update(scripts[0]!).digest("base64");
  assert.ok(scriptSrc.includes(`'sha256-${hash}'`), scriptSrc.slice(0, 120));
  assert.ok(!scriptSrc.includes("'unsafe-inline'"));
  assert.ok(!/\bfile:|'self'/.test(policy), "nothing from file: (nor 'self', which there is file:)");
});

test("a page carries what its cells can load: Markdown alone no DuckDB, UMAP or Plot; penguins Plot, not DuckDB", async () => {
  assert.deepEqual(await markersIn("small/markdown.html"), []);
  assert.deepEqual(await markersIn("small/penguins.html"), ["plot"]);
  assert.deepEqual(await markersIn("penguins/penguins.html"), ["duckdb", "plot"]);
  // digits projects (UMAP in px and its worker), and its drift views draw with Plot.
  assert.deepEqual(await markersIn("digits/digits-drift.html"), ["plot", "umap"]);
});

test("the Markdown page opens from file:// with no request", async () => {
  const {page, requests, errors} = await open("small/markdown.html");
  assert.deepEqual(await notFulfilled(page), []);
  assert.equal(await page.textContent('.phx-cell[data-cell-id="1"] h1'), "One cell");
  assert.deepEqual(offPage(requests), [`file://${join(out, "small", "markdown.html")}`]);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("FileAttachment.url() and a worker started by a cell use the page's own copies, from file://", async () => {
  const {page, requests, errors} = await open("small/files.html");
  assert.deepEqual(await notFulfilled(page), []);
  // The image's size, as its PNG header states it (IHDR: width and height, big-endian, from byte 16).
  const png = await readFile(PIXEL);
  const shown = await page.$eval('.phx-cell[data-cell-id="1"] img', (image) => {
    const img = image as HTMLImageElement;
    return {src: img.src.slice(0, 5), width: img.naturalWidth, height: img.naturalHeight};
  });
  assert.deepEqual(shown, {src: "blob:", width: png.readUInt32BE(16), height: png.readUInt32BE(20)});
  // Two groups of four points 14 apart: two clusters, each group one of them.
  const labels = (await page.textContent('.phx-cell[data-cell-id="3"] output'))!.split(" ").map(Number);
  assert.equal(new Set(labels.slice(0, 4)).size, 1);
  assert.equal(new Set(labels.slice(4)).size, 1);
  assert.notEqual(labels[0], labels[4]);
  assert.ok(labels[0]! >= 0 && labels[4]! >= 0, "neither group is noise");
  assert.ok((await workersStarted(page)) > 0, "the task ran in a worker");
  // KaTeX's fonts, under the policy's font-src, once the typeset formula has been laid out.
  // (document.fonts.load() rejects when a face fails, blocked by the policy, say; it gives none without the CSS.)
  const fonts = await page.evaluate(() =>
    document.fonts.load("16px KaTeX_Main", "E").then(
      (faces) => faces.map((face) => face.status).join(" "),
      (error: unknown) => String(error)
    )
  );
  assert.equal(fonts, "loaded");
  assert.deepEqual(offPage(requests), [`file://${join(out, "small", "files.html")}`]);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});
