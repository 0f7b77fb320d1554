// The worker_threads entry of notebooks with px (see node.ts): registers px's tasks, then serves.
import {serveNodeThread} from "../runtime/worker/node-host.ts";
import {registerTasks} from "../runtime/worker/registry.ts";
import {phoenixTasks} from "./tasks/index.ts";

registerTasks(phoenixTasks);
serveNodeThread();
