import {UsageError} from "./usage-error.ts";

const usage = `usage: phoenix-notebook <command> …

  run NOTEBOOK [--set name=value]… [--json FILE] [--timeout SECONDS]
                        evaluate a notebook headless; exit 1 if any cell fails
  build NOTEBOOK|DIR --out DIR [--force] [--no-bake] [--bake-timeout SECONDS]
        [--single-file [--max-size MB]]
                        write a static site that works offline; --force builds
                        into a folder that holds other files; the notebooks run
                        first (up to 120 s) to bake their expensive cells into
                        the site, unless --no-bake; --single-file writes one
                        HTML file per notebook that opens from file:// (at most
                        25 MB, or --max-size)
  serve [DIR] [--port N] [--open]
                        dev server on 127.0.0.1; saving a notebook updates the page
  new NOTEBOOK.html --primary FILE [--reference FILE] [--schema schema.json] [--open]
                        write a complete notebook for the data (never over a file)
  open PRIMARY [REFERENCE] [--schema schema.json] [--port N]
                        write that notebook next to the data, serve it and open it
  --version             print the version`;

/** Runs one command; resolves to the process exit code (0 ok, 1 a cell or build failed, 2 usage error). */
export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case "run":
        return await (await import("./run.ts")).run(rest);
      case "build":
        return await (await import("./build.ts")).build(rest);
      case "serve":
        return await (await import("./serve.ts")).serve(rest);
      case "new":
        return await (await import("./new.ts")).newNotebook(rest);
      case "open":
        return await (await import("./open.ts")).openData(rest);
      case "--version":
      case "-v":
        console.log(`phoenix-notebook ${await packageVersion()}`);
        return 0;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        console.log(usage);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command: "${command}" (expected run, build, serve, new or open)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      // One line: a message of Node's argument parser can run over several (it suggests `--opt=-5`).
      const message = error.message.replace(/\s*\n\s*/g, " ");
      console.error(`phoenix-notebook: ${message} (phoenix-notebook --help for usage)`);
      return 2;
    }
    // Not a mistake of the user's, and not one the command knew how to explain: still one line, not a stack
    // trace (PHOENIX_NOTEBOOK_DEBUG=1 shows the trace, for a bug report).
    const message = error instanceof Error ? error.message : String(error);
    console.error(`phoenix-notebook: ${command} failed: ${message}`);
    if (process.env["PHOENIX_NOTEBOOK_DEBUG"]) console.error(error);
    return 1;
  }
}

// The package's own manifest: two folders up from src/cli/ in the repository and from dist/cli/ once packed.
async function packageVersion(): Promise<string> {
  const {readFile} = await import("node:fs/promises");
  const manifest = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as {
    version?: unknown;
  };
  return String(manifest.version);
}
