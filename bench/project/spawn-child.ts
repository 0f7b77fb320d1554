import {execFile} from "node:child_process";
import {fileURLToPath} from "node:url";
import type {ChildResult} from "./child.ts";
import type {SideName} from "./sides.ts";

const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));
/** umap-js on 30,000 points takes minutes; past this a run is reported as failed. */
const TIMEOUT_MS = 30 * 60_000;

/** Runs one side on n points in a fresh Node process and returns what it measured. */
export function spawnChild(side: SideName, n: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", CHILD, side, String(n)],
      {timeout: TIMEOUT_MS, maxBuffer: 1 << 20},
      (error, stdout, stderr) => {
        if (error)
          return reject(
            new Error(`${side} on ${n} points failed: ${stderr.trim() || error.message}`, {cause: error})
          );
        const line = stdout.trim().split("\n").at(-1) ?? "";
        try {
          resolve(JSON.parse(line) as ChildResult);
        } catch (cause) {
          reject(new Error(`${side} on ${n} points printed no result: ${line}`, {cause}));
        }
      }
    );
  });
}
