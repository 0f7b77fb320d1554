// The runtime's worker_threads entry (node-spawn.ts starts it unless a plugin gives its own; see WorkerHosts).
import {serveNodeThread} from "./node-host.ts";

serveNodeThread();
