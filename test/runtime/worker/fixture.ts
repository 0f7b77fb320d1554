import type {TaskRef} from "../../../src/runtime/worker/types.ts";

/** A task of test/fixtures/worker/tasks.ts. */
export function fixture(name: string): TaskRef {
  return {module: new URL("../../fixtures/worker/tasks.ts", import.meta.url).href, export: name};
}
