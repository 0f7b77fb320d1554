// The fixture most built-notebook tests share: build a notebook into a temporary folder, serve it on
// 127.0.0.1, launch chromium; afterwards close both and remove the folder.
import assert from "node:assert/strict";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {build} from "../../../src/cli/build.ts";
import {servedSite, type ServedSite} from "./served-site.ts";
import {serveStatic} from "./static-server.ts";

/** The built site of a test file, ready once its `before` hook has run. */
export interface BuiltSite extends ServedSite {
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
  let outDir: string | undefined;
  const site = servedSite(async () => {
    const dirs: string[] = [];
    const remove = () => Promise.all(dirs.map((dir) => rm(dir, {recursive: true, force: true})));
    const temp = async (name: string) => {
      const dir = await mkdtemp(join(tmpdir(), `phoenix-${prefix}-${name}`));
      dirs.push(dir);
      return dir;
    };
    try {
      const out = await temp("out-");
      const file = typeof notebook === "string" ? notebook : await notebook(await temp("src-"));
      assert.equal(await build([file, "--out", out, ...args]), 0, `phoenix-notebook build ${file}`);
      const server = await serveStatic(out);
      outDir = out;
      return {
        origin: server.origin,
        close: async () => {
          await server.close();
          await remove();
        }
      };
    } catch (error) {
      // A failed build never reaches the after hook's close: remove its folders here.
      await remove();
      throw error;
    }
  }, chromiumArgs);
  return {
    get origin() {
      return site.origin;
    },
    get browser() {
      return site.browser;
    },
    get outDir() {
      if (outDir === undefined) throw new Error("the built site is used before its before() hook ran");
      return outDir;
    },
    ready: () => site.ready()
  };
}
