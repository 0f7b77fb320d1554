import type {TaskRef} from "./types.ts";

/** A short name for a task in messages: `"embed"`, or `"squares" from tasks.ts`. */
export function describeTask(task: TaskRef): string {
  if (typeof task === "string") return JSON.stringify(task);
  const file = task.module
    .replace(/[?#].*$/, "")
    .split(/[\\/]/)
    .pop();
  return `${JSON.stringify(task.export)} from ${file || task.module}`;
}
