#!/usr/bin/env node
// The command line entry. Installed, the package runs its compiled JavaScript (dist/, built when it is packed);
// in the repository, which has the TypeScript sources and no dist/, it registers tsx and runs the sources.
import {existsSync} from "node:fs";

const sources = new URL("../src/cli/main.ts", import.meta.url);
let main;
if (existsSync(sources)) {
  const {register} = await import("tsx/esm/api");
  register();
  ({main} = await import(sources.href));
} else {
  ({main} = await import("../dist/cli/main.js"));
}
const code = await main(process.argv.slice(2));
// Exit as soon as the command is done: nothing a notebook left behind (a timer, a socket) may keep the process
// alive. First let stdout and stderr flush (pipes are asynchronous on some systems), so nothing printed is lost.
await Promise.all(
  [process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write("", done)))
);
process.exit(code);
