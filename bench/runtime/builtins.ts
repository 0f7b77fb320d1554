import {resolve} from "node:path";
import {createBuiltins, createFileAttachment} from "../../src/runtime/stdlib/index.ts";
import {installHeadlessDom} from "../../src/runtime/stdlib/headless-dom.ts";

/**
 * The builtins both sides get: the product's own (createBuiltins, as the headless runner builds them), as one
 * object passed to both runtimes. Builtins no cell references are never computed, so the unused ones (Plot,
 * d3, px …) cost each side only their variable in `new Runtime`. `worker`, a per-cell builtin that
 * NotebookRuntime takes out of the runtime, is just an unreferenced constant on the bare runtime.
 *
 * The views are real `Inputs.range` elements on happy-dom rather than plain values: an input change is then
 * the same operation on both sides (set the element's value, dispatch "input"), flowing through the same
 * `Generators.input`, and what differs is only what each side does downstream of it.
 */
export function benchBuiltins(): Record<string, unknown> {
  installHeadlessDom();
  // No generated cell reads a file; FileAttachment is there because every notebook has it.
  const fileAttachment = createFileAttachment((name) => ({path: resolve("bench", name)}));
  return createBuiltins({fileAttachment});
}
