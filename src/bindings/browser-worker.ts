// The Web Worker entry of pages with px (see page.ts): registers px's tasks, then serves. Vite bundles it
// together with the task modules.
import {serveBrowserWorker} from "../runtime/worker/browser-host.ts";
import {registerTasks} from "../runtime/worker/registry.ts";
import {phoenixTasks} from "./tasks/index.ts";

registerTasks(phoenixTasks);
serveBrowserWorker();
