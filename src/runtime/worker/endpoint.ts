import type {WorkerCrash} from "./worker-error.ts";
import type {HostMessage, WorkerMessage} from "./types.ts";

/** The host's end of one spawned worker, the same for worker_threads and Web Workers. */
export interface WorkerEndpoint {
  post(message: HostMessage, transfer: Transferable[]): void;
  /** Stops the worker at once, wherever its task is. */
  terminate(): void;
}

/** What the host hears from a worker. After `crash`, the worker is gone. */
export interface EndpointEvents {
  message(message: WorkerMessage): void;
  crash(crash: WorkerCrash): void;
}

/** Options of a spawn. */
export interface SpawnOptions {
  /** Node only: the worker's heap limit in MB. Default: Node's own. */
  maxMemoryMB: number | undefined;
}

/** Starts a worker ready for a `start` message. */
export type Spawn = (events: EndpointEvents, options: SpawnOptions) => WorkerEndpoint;
