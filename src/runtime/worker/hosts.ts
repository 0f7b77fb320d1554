/**
 * The entries a worker starts from. The runtime's own serve only tasks named by module URL, or registered in
 * the worker itself; a plugin whose tasks have names (Phoenix's `project.graph`, `embed`, …) provides entries
 * that register them first, then serve.
 */
export interface WorkerHosts {
  /** A worker_threads entry module (Node). */
  readonly node?: URL;
  /** Creates a Web Worker. Write it as `() => new Worker(new URL("./entry.ts", import.meta.url), {type:
   * "module"})` in the plugin's own module: the one form Vite bundles as a worker. */
  readonly browser?: () => Worker;
}

let current: WorkerHosts = {};

/** Makes later workers start from `hosts` (each given entry replaces the one before). */
export function useWorkerHosts(hosts: WorkerHosts): void {
  current = {...current, ...hosts};
}

/** The entries workers start from now. */
export function workerHosts(): WorkerHosts {
  return current;
}
