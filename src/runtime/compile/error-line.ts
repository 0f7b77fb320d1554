import {errorStack} from "../error-text.ts";
import type {CodeLocation} from "./types.ts";

/**
 * The 1-based line in the notebook file of the innermost stack frame of `error` inside the cell's code, given
 * where the cell's source starts in the file now; undefined when no frame is the cell's.
 */
export function errorLine(location: CodeLocation, cellLine: number, error: unknown): number | undefined {
  const stack = errorStack(error);
  if (!stack) return undefined;
  // The url is a sourceURL, or a built page's module URL (http:, file:, blob:, data:): escaped whole.
  const url = location.url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const [, text] of stack.matchAll(new RegExp(`${url}:(\\d+):\\d+`, "g"))) {
    const line = Number(text);
    if (line >= location.firstLine && line <= location.lastLine) return cellLine + line - location.firstLine;
  }
  return undefined;
}
