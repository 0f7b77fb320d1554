export {runTask} from "./run-task.ts";
export {WorkerError, type WorkerCrash} from "./worker-error.ts";
export {registerTasks, registry, type TaskEntry} from "./registry.ts";
export {useWorkerHosts, workerHosts, type WorkerHosts} from "./hosts.ts";
export type {RunTaskOptions, TaskContext, TaskFunction, TaskRef} from "./types.ts";
