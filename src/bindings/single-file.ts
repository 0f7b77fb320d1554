// What a single-file page (`build --single-file`) of Phoenix carries: the modules of px and phx, their worker
// and the codecs of their baked values only for the pages whose cells can load them.
import {calls, ownModule, reads, type LazyModule} from "../runtime/vite/single-file/lazy-module.ts";

const own = (path: string) => ownModule(new URL(path, import.meta.url));

/** The lazily loaded modules of the page plugin (page.ts, builtins.ts), each with what loads it. */
export const phoenixLazyModules: readonly LazyModule[] = [
  {module: own("./px.ts"), when: reads("px")},
  {module: own("./phx.ts"), when: reads("phx")},
  {module: own("./bake/index.ts"), when: (use) => use.baked},
  // The worker that runs px's tasks (UMAP, HDBSCAN, embeddings): started by px, and by `worker.run` in a cell.
  {module: own("./browser-worker.ts"), when: reads("px", "phx", "worker")},
  // The word vectors (5.8 MB) that only px.embed reads (embedding text), in the page or the worker's "embed".
  {file: /^words-50k\.bin$/, when: (use) => calls("embed")(use) || reads("worker")(use)}
];
