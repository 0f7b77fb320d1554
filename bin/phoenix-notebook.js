#!/usr/bin/env node
// The command line entry: registers tsx so Node runs the TypeScript sources, then hands over to the CLI.
import {register} from "tsx/esm/api";

register();
const {main} = await import("../src/cli/main.ts");
const code = await main(process.argv.slice(2));
// Exit as soon as the command is done: nothing a notebook left behind (a timer, a socket) may keep the process
// alive. First let stdout and stderr flush (pipes are asynchronous on some systems), so nothing printed is lost.
await Promise.all(
  [process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write("", done)))
);
process.exit(code);
