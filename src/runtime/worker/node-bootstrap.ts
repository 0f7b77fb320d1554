/**
 * The source of a `worker_threads` bootstrap (`new Worker(source, {eval: true})`) that loads the module at
 * `moduleUrl`. Run from the TypeScript sources, the module is `.ts`: a worker inherits the parent's execArgv,
 * `--import tsx` included, but before Node 22.22 tsx does not register itself in worker threads, and an
 * explicit execArgv throws on V8 flags such as --max-old-space-size; so the bootstrap registers tsx through
 * its API first. tsx is resolved from here, not from the working directory, which may be a user's project
 * without it. A compiled `.js` module is imported as it is.
 */
export function nodeThreadBootstrap(moduleUrl: URL): string {
  const target = JSON.stringify(moduleUrl.href);
  if (!moduleUrl.pathname.endsWith(".ts")) return `import(${target});`;
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  return `import(${tsx}).then((tsx) => { tsx.register(); return import(${target}); });`;
}
