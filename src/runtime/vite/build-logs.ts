import {resolve} from "node:path";
import type {LogLevel, RolldownLog} from "rolldown";
import {isInside} from "./is-inside.ts";
import {packageRoot} from "./paths.ts";

const EXTERNALIZED = /has been externalized for browser compatibility, imported by "([^"]+)"/;
const ownSources = resolve(packageRoot);

/**
 * The bundler's `onLog`, less notices that tell a notebook's author nothing they can act on: Node's modules
 * that this package's own sources import behind a Node check (they never run in a page: eight lines on every
 * build), and the report of slow plugins (a busy machine's timing, not the notebook's). Every other log
 * passes as it was.
 */
export function quietBuildLogs(
  level: LogLevel,
  log: RolldownLog,
  handler: (level: LogLevel | "error", log: RolldownLog) => void
): void {
  const importer = EXTERNALIZED.exec(log.message)?.[1];
  if (importer !== undefined && isInside(ownSources, resolve(importer))) return;
  if (log.code === "PLUGIN_TIMINGS" || log.message.startsWith("[PLUGIN_TIMINGS]")) return;
  handler(level, log);
}
