import {describeTask} from "./describe-task.ts";
import {registry} from "./registry.ts";
import type {TaskFunction, TaskRef} from "./types.ts";

/** Imports a module the way the worker's platform can (a path or URL in Node, a URL in the browser). */
export type ImportModule = (specifier: string) => Promise<Record<string, unknown>>;

/** Worker side: finds the function a TaskRef names. */
export async function resolveTask(task: TaskRef, importModule: ImportModule): Promise<TaskFunction<unknown>> {
  let module: Record<string, unknown>;
  let name: string;
  if (typeof task === "string") {
    const entry = registry.get(task);
    if (entry === undefined) {
      const known = [...registry.keys()].join(", ") || "none registered";
      throw new Error(`unknown task: ${JSON.stringify(task)} (expected ${known})`);
    }
    [module, name] = [await entry.load(), entry.export];
  } else {
    [module, name] = [await importModule(task.module), task.export];
  }
  const value = module[name];
  if (typeof value !== "function")
    throw new Error(
      `task ${describeTask(task)} is ${value === undefined ? "not exported" : "not a function"}`
    );
  return value as TaskFunction<unknown>;
}
