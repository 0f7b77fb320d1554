// Node only: which interpreter runs a loader cell, and how.
import {stat} from "node:fs/promises";
import {join} from "node:path";
import type {LoaderMode} from "./loader-cell.ts";

/** A command that reads the loader's source on stdin and writes its output to stdout. */
export interface Interpreter {
  /** What errors call it: `node`, `python3`, `.venv/bin/python3`. */
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  /** The environment it runs with. */
  readonly env: NodeJS.ProcessEnv;
  /** Printed when the command is not found. */
  readonly missing: string;
}

/**
 * The interpreter of a loader in `directory` (the notebook's folder, its real path). Node is the Node running
 * us, under its permission model: it may read `directory` and nothing else, write nowhere, start no process
 * or worker. Python is `.venv/bin/python3` beside the notebook when there is one, else `python3` on PATH.
 */
export async function interpreterFor(mode: LoaderMode, directory: string): Promise<Interpreter> {
  if (mode === "node") return nodeInterpreter(directory);
  for (const venv of [join(".venv", "bin", "python3"), join(".venv", "Scripts", "python.exe")]) {
    if ((await stat(join(directory, venv)).catch(() => undefined))?.isFile()) {
      return {
        label: venv,
        command: join(directory, venv),
        args: ["-"],
        env: process.env,
        missing: `${venv} cannot be started`
      };
    }
  }
  return {
    label: "python3",
    command: "python3",
    args: ["-"],
    env: process.env,
    missing: "python3 not found: install Python 3, or create a .venv beside the notebook"
  };
}

function nodeInterpreter(directory: string): Interpreter {
  // Node 20 reads --allow-fs-read as a comma-separated list: a comma in the path would widen or break it.
  if (directory.includes(","))
    throw new Error(`node cannot be limited to ${directory}: the path has a comma`);
  const flags = process.allowedNodeEnvironmentFlags;
  const permission = flags.has("--permission") ? "--permission" : "--experimental-permission";
  // NODE_OPTIONS would load the parent's hooks (tsx) from outside the folder, which the loader may not read.
  const {NODE_OPTIONS: _, ...env} = process.env;
  return {
    label: "node",
    command: process.execPath,
    args: [
      permission,
      `--allow-fs-read=${directory}`,
      ...(flags.has("--disable-warning") ? ["--disable-warning=ExperimentalWarning"] : []),
      "--input-type=module",
      "-"
    ],
    env,
    missing: `node cannot be started (${process.execPath})`
  };
}
