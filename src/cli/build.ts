import {access, constants, mkdir, realpath, rmdir, stat} from "node:fs/promises";
import {dirname, join, relative, resolve, sep} from "node:path";
import {parseArgs} from "node:util";
import {
  buildSite,
  BuildError,
  InputRefused,
  OutputRefused,
  SingleFileTooLarge
} from "../runtime/vite/build-site.ts";
import {nodePlugin, pagePlugin, phoenixLazyModules} from "../bindings/index.ts";
import {checkNotebookContent} from "./notebook-file.ts";
import {UsageError} from "./usage-error.ts";

/**
 * `phoenix-notebook build NOTEBOOK|DIR --out DIR [--force] [--no-bake] [--bake-timeout SECONDS] [--single-file
 * [--max-size MB]]`: 0 when the site was written, 1 when it could not be, 2 when a single file is over
 * --max-size. A command line it cannot take (an input that is no notebook, an --out that holds the notebooks
 * or files not from a build of ours) throws UsageError, which main() tells in one line, exit 2.
 */
export async function build(args: string[]): Promise<number> {
  const {input, outDir, force, bake, bakeTimeout, singleFile, maxSize} = parseBuildArgs(args);
  const stats = await stat(input).catch(() => undefined);
  if (!stats) throw new UsageError(`no such notebook or directory: ${input}`);
  // A FIFO or a device would block the read for ever: only a regular file or a folder is read.
  if (!stats.isFile() && !stats.isDirectory())
    throw new UsageError(`${input} is not a regular file or a folder`);
  if (stats.isFile()) await checkNotebookContent(input);
  await checkOutDir(outDir);
  try {
    const site = await buildSite({
      input,
      outDir,
      force,
      pagePlugins: [pagePlugin],
      ...(bake ? {bake: {plugins: [nodePlugin.href], timeoutMs: bakeTimeout * 1000}} : {}),
      ...(singleFile ? {singleFile: {maxBytes: maxSize * 1e6, lazyModules: phoenixLazyModules}} : {})
    });
    for (const warning of site.warnings) console.warn(`phoenix-notebook: ${warning}`);
    const out = outDir.replace(/[\\/]+$/, "");
    for (const page of site.pages) console.log(`  ${out}/${page}`);
    if (site.index) console.log(`  ${out}/${site.index}`);
    const files = site.files.length === 1 ? "1 file" : `${site.files.length} files`;
    const pages = site.pages.length === 1 ? "1 notebook" : `${site.pages.length} notebooks`;
    const baked = bake ? ` (${site.baked.length} baked ${site.baked.length === 1 ? "value" : "values"})` : "";
    console.log(
      singleFile
        ? `phoenix-notebook: built ${pages}${baked} as single files, ${files} inlined, in ${out}`
        : `phoenix-notebook: built ${pages}${baked} and copied ${files} to ${out}`
    );
    return 0;
  } catch (error) {
    // Refused for what the command line names: a usage mistake, told as main() tells every one.
    if (error instanceof InputRefused || error instanceof OutputRefused)
      throw new UsageError(error.problems.join("; "));
    if (error instanceof SingleFileTooLarge) {
      console.error(`phoenix-notebook: ${error.message}`);
      return 2;
    }
    if (!(error instanceof BuildError)) {
      console.error(
        `phoenix-notebook: build failed: ${error instanceof Error ? error.message : String(error)}`
      );
      return 1;
    }
    console.error(`phoenix-notebook: build failed:\n${error.problems.map((p) => `  ${p}`).join("\n")}`);
    return 1;
  }
}

// The kernel's file systems on Linux: no build belongs there, and making a folder in /proc made Node's recursive
// mkdir retry for ever (its answer is ENOENT, as if the parent were missing).
const KERNEL_FOLDERS = ["/proc", "/sys", "/dev"];

/**
 * Refuses, before any bundling, an `--out` the build could not write: a file where the folder would be, a
 * folder (or its nearest existing parent) that this user cannot write, one on the kernel's file systems, or a
 * missing folder whose first level cannot be made there (made, then removed at once).
 */
async function checkOutDir(outDir: string): Promise<void> {
  const target = resolve(outDir);
  let path = target;
  for (;;) {
    const stats = await stat(path).catch((error: NodeJS.ErrnoException) => error);
    if (stats instanceof Error) {
      // ENOENT: the folder is to be made; look at the parent. ENOTDIR: a file stands on the path.
      if (stats.code === "ENOENT" && dirname(path) !== path) {
        path = dirname(path);
        continue;
      }
      throw new UsageError(
        `--out: cannot write ${outDir}: ${stats.code === "ENOTDIR" ? "a file stands on the path" : stats.message}`
      );
    }
    if (!stats.isDirectory()) throw new UsageError(`--out: cannot write ${outDir}: ${path} is a file`);
    break;
  }
  const real = await realpath(path);
  const kernel = KERNEL_FOLDERS.find((folder) => real === folder || real.startsWith(folder + sep));
  if (kernel !== undefined)
    throw new UsageError(`--out: cannot write ${outDir}: ${kernel} holds the kernel's files, not a site`);
  const writable = await access(path, constants.W_OK).then(
    () => true,
    () => false
  );
  if (!writable) throw new UsageError(`--out: cannot write ${outDir}: ${path} is not writable`);
  if (path === target) return;
  const first = join(path, relative(path, target).split(sep)[0]!);
  try {
    await mkdir(first);
  } catch (error) {
    throw new UsageError(`--out: cannot write ${outDir}: cannot make ${first} (${(error as Error).message})`);
  }
  await rmdir(first);
}

/** The default --max-size: a page this size still goes by mail (most servers take 25 MB). */
const DEFAULT_MAX_SIZE_MB = 25;

interface BuildArgs {
  input: string;
  outDir: string;
  force: boolean;
  bake: boolean;
  /** Seconds the notebook's cells may take to settle when baking. */
  bakeTimeout: number;
  /** One self-contained HTML file per notebook. */
  singleFile: boolean;
  /** The largest single file, in MB (10^6 bytes). */
  maxSize: number;
}

function parseBuildArgs(args: string[]): BuildArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      allowNegative: true,
      options: {
        out: {type: "string"},
        force: {type: "boolean"},
        bake: {type: "boolean", default: true},
        "bake-timeout": {type: "string"},
        "single-file": {type: "boolean"},
        "max-size": {type: "string"}
      }
    });
  } catch (error) {
    throw new UsageError(`build: ${(error as Error).message}`);
  }
  const {positionals, values} = parsed;
  if (positionals.length !== 1)
    throw new UsageError(`build takes one notebook or directory (got ${positionals.length})`);
  if (!values.out) throw new UsageError("build needs --out DIR");
  const bakeTimeout = values["bake-timeout"] === undefined ? 120 : Number(values["bake-timeout"]);
  if (!(bakeTimeout > 0) || !Number.isFinite(bakeTimeout))
    throw new UsageError(
      `--bake-timeout: expected a positive number of seconds, not "${values["bake-timeout"]}"`
    );
  if (values["max-size"] !== undefined && !values["single-file"])
    throw new UsageError("--max-size applies to --single-file only");
  const maxSize = values["max-size"] === undefined ? DEFAULT_MAX_SIZE_MB : Number(values["max-size"]);
  if (!(maxSize > 0) || !Number.isFinite(maxSize))
    throw new UsageError(`--max-size: expected a positive number of megabytes, not "${values["max-size"]}"`);
  return {
    input: positionals[0]!,
    outDir: values.out,
    force: values.force ?? false,
    bake: values.bake,
    bakeTimeout,
    singleFile: values["single-file"] ?? false,
    maxSize
  };
}
