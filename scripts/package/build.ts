// `node --import tsx scripts/package/build.ts [OUT]` (npm's prepack runs it): compiles src/ into OUT (default
// dist/) as the package ships it, so that plain Node runs it under node_modules, where it refuses `.ts`.
import {execFile} from "node:child_process";
import {cp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {join, relative, resolve} from "node:path";
import {promisify} from "node:util";
import {fileURLToPath} from "node:url";
import {bundleNotebookThread} from "./bundle-thread.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SRC = join(ROOT, "src");

// tsc rewrites the `.ts` of import specifiers (rewriteRelativeImportExtensions) but not of the module URLs
// written as `new URL("./x.ts", import.meta.url)`: worker entries, plugin modules, the page client. Vite finds
// a worker only in that literal form, so the literal itself is rewritten.
const MODULE_URL = /new URL\("(\.{1,2}\/[^"]*)\.ts", import\.meta\.url\)/g;
// What must not be left: another URL or a literal import of a `.ts` module. (An import of a computed
// specifier goes through tsc's __rewriteRelativeImportExtension at run time.)
const LEFT_OVER = /(new URL|import)\(\s*["'`]\.{1,2}\/[^"'`]*\.ts["'`]/;

/** Options of buildPackage. */
export interface BuildOptions {
  /** Type-check while compiling, and fail on a type error. Default: true (false: emit only, as a bench does). */
  typeCheck?: boolean;
}

/**
 * Compiles src/ into `outDir` (emptied first): JavaScript and `.d.ts` by tsc (tsconfig.build.json), module
 * URLs pointed at `.js`, the stylesheets the page client imports copied beside the code, and the runner's notebook
 * thread bundled into one module (bundle-thread.ts). Throws when a
 * compiled file still names a relative `.ts` module, which would fail only once installed.
 */
export async function buildPackage(outDir: string, {typeCheck = true}: BuildOptions = {}): Promise<void> {
  const out = resolve(outDir);
  await rm(out, {recursive: true, force: true});
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const args = [
    "-p",
    join(ROOT, "tsconfig.build.json"),
    "--outDir",
    out,
    ...(typeCheck ? [] : ["--noCheck"])
  ];
  try {
    await promisify(execFile)(process.execPath, [tsc, ...args]);
  } catch (error) {
    const {stdout = ""} = error as {stdout?: string};
    throw new Error(`tsc failed:\n${stdout}`, {cause: error});
  }
  for (const file of await filesUnder(out)) {
    if (!file.endsWith(".js")) continue;
    const code = await readFile(file, "utf8");
    const rewritten = code.replace(MODULE_URL, 'new URL("$1.js", import.meta.url)');
    const left = LEFT_OVER.exec(rewritten);
    if (left) throw new Error(`${relative(out, file)} still names a .ts module: ${left[0]}`);
    if (rewritten !== code) await writeFile(file, rewritten);
  }
  for (const file of await filesUnder(SRC))
    if (file.endsWith(".css")) await cp(file, join(out, relative(SRC, file)));
  await bundleNotebookThread(out);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildPackage(process.argv[2] ?? join(ROOT, "dist"));
}
