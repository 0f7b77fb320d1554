// What the conformance suites share: a notebook run headless through the real CLI, a folder of notebooks
// built once and served, and a built page opened in Chromium until every cell has settled.
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {openPage} from "../browser/support/chromium.ts";
import {serveStatic} from "../browser/support/static-server.ts";
import {cli} from "../helpers/cli.ts";

/** One cell of `phoenix-notebook run --json`. */
export interface CellJson {
  name: string | null;
  status: "fulfilled" | "rejected" | "pending";
  value: unknown;
  error?: string;
}

/** Runs `phoenix-notebook run FILE --json` and returns the exit code, the cells, and the CLI's stderr. */
export async function runHeadless(
  file: string,
  timeoutSeconds = 60
): Promise<{code: number; cells: CellJson[]; stderr: string}> {
  const dir = await mkdtemp(join(tmpdir(), "phoenix-conformance-"));
  try {
    const json = join(dir, "run.json");
    const args = ["run", file, "--json", json, "--timeout", String(timeoutSeconds)];
    const result = await cli(args, {timeoutMs: (timeoutSeconds + 60) * 1000});
    const text = await readFile(json, "utf8").catch(() => null);
    const cells = text ? (JSON.parse(text) as {cells: CellJson[]}).cells : [];
    return {code: result.code, cells, stderr: result.stderr};
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

/**
 * Whether `actual` matches `expected`: equal, except that an expected object lists only the keys it
 * checks (a JavaScript cell's outputs include its imports and functions, whose summaries name library
 * internals), recursively.
 */
export function matches(actual: unknown, expected: unknown): boolean {
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return false;
    return Object.entries(expected).every(([key, value]) => key in actual && matches(actual[key], value));
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((value, i) => matches(actual[i], value))
    );
  }
  return Object.is(actual, expected);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Builds `dir` with the real CLI into a fresh folder and serves it on 127.0.0.1. */
export async function buildAndServe(
  dir: string
): Promise<{origin: string; build: {code: number; stderr: string}; close(): Promise<void>}> {
  const out = await mkdtemp(join(tmpdir(), "phoenix-conformance-site-"));
  const build = await cli(["build", dir, "--out", out], {timeoutMs: 300_000});
  const server = await serveStatic(out);
  return {
    origin: server.origin,
    build,
    close: async () => {
      await server.close();
      await rm(out, {recursive: true, force: true});
    }
  };
}

/** What a built page showed once every cell settled (or 30 s passed). */
export interface PageReport {
  /** Each cell's `data-status` and, for a rejected one, its text, by cell id. */
  cells: Map<string, {status: string; text: string}>;
  /** Uncaught page errors and console errors, in order. */
  errors: string[];
  /** Every request that went anywhere but the page's own server (one the page's policy blocked never left). */
  offsite: string[];
  /** Requests off the server that the page's Content-Security-Policy stopped in the browser. */
  blocked: string[];
}

/** Opens `url` in a fresh page, waits for its cells to settle, then takes a screenshot to `screenshot`. */
export async function openBuiltPage(browser: Browser, url: string, screenshot: string): Promise<PageReport> {
  const {page, requests, errors} = await openPage(browser);
  const blocked: string[] = [];
  page.on("requestfailed", (request) => {
    // Chromium's reason for a request its Content-Security-Policy stopped before it left ("csp").
    const reason = request.failure()?.errorText ?? "";
    if (reason === "csp" || reason.includes("BLOCKED_BY_CSP")) blocked.push(request.url());
  });
  page.on("console", (message) => {
    // The browser asks for /favicon.ico by itself; the page did not.
    if (message.type() !== "error" || message.location().url.endsWith("/favicon.ico")) return;
    errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  try {
    await page.goto(url);
    await page.waitForSelector(".phx-cell", {timeout: 30_000});
    await page
      .waitForFunction(
        () => document.querySelectorAll(".phx-cell[data-status='pending']").length === 0,
        null,
        {
          timeout: 30_000
        }
      )
      .catch(() => {}); // a cell still pending is reported below, by its status
    const cells = new Map(
      await page.$$eval(".phx-cell", (elements) =>
        elements.map((element): [string, {status: string; text: string}] => [
          element.getAttribute("data-cell-id") ?? "?",
          {status: element.getAttribute("data-status") ?? "?", text: (element.textContent ?? "").trim()}
        ])
      )
    );
    await page.screenshot({path: screenshot, fullPage: true});
    const origin = new URL(url).origin;
    const offsite = requests.filter(
      (request) =>
        !request.startsWith("data:") && new URL(request).origin !== origin && !blocked.includes(request)
    );
    return {cells, errors, offsite, blocked};
  } finally {
    await page.close();
  }
}
