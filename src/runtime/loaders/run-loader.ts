// Node only: runs a data loader cell once and keeps its output as a snapshot beside the notebook.
import {spawn} from "node:child_process";
import {randomBytes} from "node:crypto";
import {open, realpath, rename, rm} from "node:fs/promises";
import {dirname, join} from "node:path";
import {cacheFolder, cachedOutput} from "./cache.ts";
import {interpreterFor, type Interpreter} from "./interpreter.ts";
import type {LoaderSpec} from "./loader-cell.ts";
import {LoaderError} from "./loader-error.ts";

/** Options of loaderOutput. */
export interface RunLoaderOptions {
  /** Milliseconds the interpreter may run before it is killed. Default: 600,000 (10 minutes). */
  readonly timeout?: number;
}

const DEFAULT_TIMEOUT = 600_000;
const STDERR_LIMIT = 16_384; // the end of stderr is kept: that is where a traceback says what failed
const running = new Map<string, Promise<string>>(); // cache path → the run producing it

/**
 * The path of the output of `loader`, a cell of the notebook at `notebookPath`: its snapshot in
 * `.observable/cache/` when there is one, else the loader is run first (once, however many ask at the same
 * time). Rejects with a LoaderError naming the interpreter, its exit code and stderr.
 */
export async function loaderOutput(
  notebookPath: string,
  loader: LoaderSpec,
  options: RunLoaderOptions = {}
): Promise<string> {
  const directory = await realpath(dirname(notebookPath));
  const key = join(directory, loader.file);
  let run = running.get(key);
  if (!run) {
    run = produce(directory, loader, options.timeout ?? DEFAULT_TIMEOUT).finally(() => running.delete(key));
    running.set(key, run);
  }
  return run;
}

async function produce(directory: string, loader: LoaderSpec, timeout: number): Promise<string> {
  const cached = await cachedOutput(directory, loader.file);
  if (cached !== undefined) return cached;
  const folder = (await cacheFolder(directory, true))!;
  const interpreter = await interpreterFor(loader.mode, directory).catch((error: unknown) => {
    throw new LoaderError(loader.mode, (error as Error).message, {cause: error});
  });
  // Written aside and renamed when the loader succeeds: a failed or killed run leaves no snapshot.
  const partial = join(folder, `${loader.file}.${randomBytes(6).toString("hex")}.partial`);
  const output = await open(partial, "wx");
  try {
    await run(interpreter, loader.source, directory, output.fd, timeout);
  } catch (error) {
    await output.close();
    await rm(partial, {force: true});
    throw error;
  }
  await output.close();
  const path = join(folder, loader.file);
  await rename(partial, path);
  return path;
}

// The interpreter with the source on stdin (no shell, no argument length limit), stdout into the file.
function run(
  interpreter: Interpreter,
  source: string,
  cwd: string,
  stdout: number,
  timeout: number
): Promise<void> {
  const {label} = interpreter;
  return new Promise((resolve, reject) => {
    const child = spawn(interpreter.command, interpreter.args, {
      cwd,
      env: interpreter.env,
      stdio: ["pipe", stdout, "pipe"],
      detached: process.platform !== "win32" // its own process group, so a timeout kills what it started too
    });
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      kill(child.pid);
    }, timeout);
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_LIMIT);
    });
    child.stdin!.on("error", () => {}); // EPIPE when the interpreter exits before reading it all
    child.stdin!.end(source);
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const missing = error.code === "ENOENT" || error.code === "EACCES";
      reject(
        new LoaderError(label, missing ? interpreter.missing : `${label}: ${error.message}`, {cause: error})
      );
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const text = stderr.trim();
      if (timedOut)
        reject(new LoaderError(label, `${label} did not finish within ${timeout / 1000} s`, {stderr: text}));
      else if (code === 0) resolve();
      else if (code !== null)
        reject(new LoaderError(label, `${label} exited with code ${code}`, {exitCode: code, stderr: text}));
      else reject(new LoaderError(label, `${label} was killed by ${signal}`, {stderr: text}));
    });
  });
}

function kill(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === "win32" ? pid : -pid, "SIGKILL");
  } catch {
    // already gone
  }
}
