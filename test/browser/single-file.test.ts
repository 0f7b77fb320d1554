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
