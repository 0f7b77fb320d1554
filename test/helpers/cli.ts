import assert from "node:assert/strict";
import {execFile} from "node:child_process";
import {fileURLToPath} from "node:url";

const bin = fileURLToPath(new URL("../../bin/phoenix-notebook.js", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Whether the hard outer timeout had to kill the process (a hang). */
  killed: boolean;
  /** Wall time, ms. */
  ms: number;
}

/**
 * Runs the real CLI as a child process. A hard outer timeout kills it (SIGKILL) so that a hang fails the
 * test that caused it instead of the whole suite; `killed` says whether that happened.
 */
export function cli(
  args: string[],
  options: {timeoutMs?: number; cwd?: string; env?: Record<string, string>} = {}
): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        timeout: options.timeoutMs ?? 60_000,
        killSignal: "SIGKILL",
        cwd: options.cwd,
        ...(options.env ? {env: {...process.env, ...options.env}} : {})
      },
      (error, stdout, stderr) => {
        const killed = error?.signal === "SIGKILL";
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({code, stdout, stderr, killed, ms: Date.now() - started});
      }
    );
  });
}

/**
 * A usage mistake as the README promises it: exit 2, nothing on stdout, and on stderr exactly one line,
 * `phoenix-notebook: <message> (phoenix-notebook --help for usage)`, whose message matches `message`.
 */
export function assertUsageLine(result: CliResult, message: RegExp): void {
  assert.equal(result.killed, false, "the command hung");
  assert.equal(result.code, 2, result.stderr);
  assert.equal(result.stdout, "");
  const match = /^phoenix-notebook: (.*) \(phoenix-notebook --help for usage\)\n$/.exec(result.stderr);
  assert.ok(match, `one usage line on stderr, got: ${JSON.stringify(result.stderr)}`);
  assert.match(match[1]!, message);
}
