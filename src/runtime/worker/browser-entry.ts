// The runtime's Web Worker entry (browser-spawn.ts starts it unless a plugin gives its own; see WorkerHosts).
import {serveBrowserWorker} from "./browser-host.ts";

serveBrowserWorker();
