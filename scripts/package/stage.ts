// The package as `npm pack` would take it, laid out in a folder of its own: what the pack test and the runner
// bench install or run, without building dist/ in the repository (where other work goes on meanwhile).
import {cp, mkdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {buildPackage, type BuildOptions} from "./build.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Writes into `dir` the package's package.json, README and the folders its `files` list, with dist/ compiled
 * from src/ (scripts/package/build.ts). Run `npm pack` there with --ignore-scripts: there is nothing left to
 * build. Resolves to `dir`.
 */
export async function stagePackage(dir: string, options: BuildOptions = {}): Promise<string> {
  await mkdir(dir, {recursive: true});
  const {files} = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as {files: string[]};
  for (const name of ["package.json", "README.md", ...files.filter((name) => name !== "dist")])
    await cp(join(ROOT, name), join(dir, name), {recursive: true});
  await buildPackage(join(dir, "dist"), options);
  return dir;
}
