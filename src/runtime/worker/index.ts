export {runTask} from "./run-task.ts";
export {WorkerError, type WorkerCrash} from "./worker-error.ts";
export {registry, type TaskEntry} from "./registry.ts";
export type {RunTaskOptions, TaskContext, TaskFunction, TaskRef} from "./types.ts";
