import {watch, type FSWatcher} from "node:fs";
import {readdir, stat} from "node:fs/promises";
import {join} from "node:path";

/**
 * Calls `changed(path)` after an `.html` file under `root` is written. Debounced per file, since editors
 * save in several steps (truncate, write, rename). Returns a function that stops watching.
 *
 * Each folder is watched on its own (node_modules and dot folders skipped; a folder made later joins), not with
 * one recursive watch: on Linux, Node's recursive watch follows a file by its inode and goes deaf to a file
 * replaced by a rename, which is how the page saves (write-atomic.ts) and how many editors do.
 */
export function watchHtmlFiles(root: string, changed: (path: string) => void, delayMs = 40): () => void {
  const timers = new Map<string, NodeJS.Timeout>();
  const watchers = new Map<string, FSWatcher>();
  let stopped = false;
  const notify = (path: string) => {
    clearTimeout(timers.get(path));
    timers.set(
      path,
      setTimeout(() => (timers.delete(path), changed(path)), delayMs)
    );
  };
  const add = async (dir: string): Promise<void> => {
    if (stopped || watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        if (!name) return;
        if (name.endsWith(".html")) notify(join(dir, name));
        else if (!name.startsWith(".") && name !== "node_modules") void addFolder(join(dir, name));
      });
    } catch {
      return; // gone already
    }
    // A watcher error (the directory was removed) ends hot reload there, not the server.
    watcher.on("error", () => (watcher.close(), watchers.delete(dir)));
    watchers.set(dir, watcher);
    const entries = await readdir(dir, {withFileTypes: true}).catch(() => []);
    for (const entry of entries)
      if (entry.isDirectory() && !entry.name.startsWith(".") && entry.name !== "node_modules")
        await add(join(dir, entry.name));
  };
  // A name that is not a notebook may be a folder made since.
  const addFolder = async (path: string) => {
    if ((await stat(path).catch(() => undefined))?.isDirectory()) await add(path);
  };
  void add(root);
  return () => {
    stopped = true;
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  };
}
