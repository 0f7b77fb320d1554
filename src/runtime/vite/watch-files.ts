import {watch} from "node:fs";
import {join} from "node:path";

/**
 * Calls `changed(path)` after an `.html` file under `root` is written. Debounced per file, since editors
 * save in several steps (truncate, write, rename). Returns a function that stops watching.
 */
export function watchHtmlFiles(root: string, changed: (path: string) => void, delayMs = 40): () => void {
  const timers = new Map<string, NodeJS.Timeout>();
  const watcher = watch(root, {recursive: true}, (_event, name) => {
    if (!name?.endsWith(".html")) return;
    const path = join(root, name);
    clearTimeout(timers.get(path));
    timers.set(
      path,
      setTimeout(() => (timers.delete(path), changed(path)), delayMs)
    );
  });
  // A watcher error (the directory was removed) ends hot reload, not the server.
  watcher.on("error", (error) =>
    console.warn(`phoenix-notebook: stopped watching ${root}: ${error.message}`)
  );
  return () => {
    watcher.close();
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  };
}
