import {dirname} from "node:path";
import {parseArgs} from "node:util";
import {createNotebook} from "./new/create-notebook.ts";
import {checkPortFree, parsePort, serveFolder} from "./serve.ts";
import {UsageError} from "./usage-error.ts";

/**
 * `phoenix-notebook new NOTEBOOK.html --primary FILE [--reference FILE] [--schema schema.json] [--open]`:
 * writes a notebook for the data (never over a file), then with --open serves its folder and opens it.
 */
export async function newNotebook(args: string[]): Promise<number> {
  const {notebook, primary, reference, schema, open, port} = parseNewArgs(args);
  if (open) await checkPortFree(port);
  const written = await createNotebook({notebook, primary, reference, schema, numbered: false});
  if (!open) {
    console.log(
      `Run it: phoenix-notebook run ${shellWord(notebook)}, or open it: phoenix-notebook serve ${shellWord(dirname(notebook))}`
    );
    return 0;
  }
  return serveFolder(dirname(written), {port, open: written.slice(dirname(written).length + 1)});
}

function parseNewArgs(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        primary: {type: "string"},
        reference: {type: "string"},
        schema: {type: "string"},
        open: {type: "boolean", default: false},
        port: {type: "string"}
      }
    });
  } catch (error) {
    throw new UsageError(`new: ${(error as Error).message}`);
  }
  const {positionals, values} = parsed;
  if (positionals.length !== 1)
    throw new UsageError(`new takes one notebook file to write (got ${positionals.length})`);
  if (!values.primary) throw new UsageError("new needs --primary FILE (the production data)");
  return {
    notebook: positionals[0]!,
    primary: values.primary,
    reference: values.reference ?? null,
    schema: values.schema ?? null,
    open: values.open ?? false,
    port: parsePort(values.port)
  };
}

/** A path as a shell reads it back: as it is when plain, else in single quotes (`'my data/nb.html'`). */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}
