// The fixture most built-page tests share: build a notebook into a temporary folder, serve it on 127.0.0.1,
// launch chromium; afterwards close both and remove the folder.
import assert from "node:assert/strict";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before} from "node:test";
import type {Browser} from "playwright-core";
import {build} from "../../../src/cli/build.ts";
import {launchChromium} from "./chromium.ts";
import {serveStatic} from "./static-server.ts";

/** The built site of a test file, ready once its `before` hook has run. */
export interface BuiltSite {
  /** The static server's origin, `http://127.0.0.1:PORT`. */
  readonly origin: string;
  readonly browser: Browser;
  /** The folder the site was built into. */
  readonly outDir: string;
}

/**
 * Registers the calling test file's `before` and `after` hooks for a built site. `notebook` is the notebook's
 * path (or a folder of notebooks), or a function that writes the notebook (and what it needs) into the folder
 * it is given and returns its path; `args` are more arguments of `build` (`--no-bake`). The build must
 * succeed. `chromiumArgs` go to chromium's command line (a page whose point cloud must draw passes
 * "--enable-unsafe-swiftshader": WebGL on the software renderer).
 */
export function builtSite(
  prefix: string,
  notebook: string | ((dir: string) => Promise<string>),
  {args = [], chromiumArgs = []}: {args?: readonly string[]; chromiumArgs?: readonly string[]} = {}
): BuiltSite {
  let state: {origin: string; browser: Browser; outDir: string} | undefined;
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  let browser: Browser | undefined;
  const dirs: string[] = [];
  before(async () => {
    const temp = async (name: string) => {
      const dir = await mkdtemp(join(tmpdir(), `phoenix-${prefix}-${name}`));
      dirs.push(dir);
      return dir;
    };
    const out = await temp("out-");
    const file = typeof notebook === "string" ? notebook : await notebook(await temp("src-"));
    assert.equal(await build([file, "--out", out, ...args]), 0, `phoenix-notebook build ${file}`);
    server = await serveStatic(out);
    browser = await launchChromium(chromiumArgs);
    state = {origin: server.origin, browser, outDir: out};
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await Promise.all(dirs.map((dir) => rm(dir, {recursive: true, force: true})));
  });
  const ready = () => {
    if (!state) throw new Error("the built site is used before its before() hook ran");
    return state;
  };
  return {
    get origin() {
      return ready().origin;
    },
    get browser() {
      return ready().browser;
    },
    get outDir() {
      return ready().outDir;
    }
  };
}
