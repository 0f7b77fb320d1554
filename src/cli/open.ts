import {homedir} from "node:os";
import {realpath, stat} from "node:fs/promises";
import {basename, dirname, join, sep} from "node:path";
import {parseArgs} from "node:util";
import {createNotebook} from "./new/create-notebook.ts";
import {checkPortFree, parsePort, serveFolder} from "./serve.ts";
import {UsageError} from "./usage-error.ts";

/**
 * `phoenix-notebook open PRIMARY [REFERENCE] [--schema schema.json] [--port N]`: the one-liner. Writes the
 * notebook next to the data (in the folder that holds both files, named after the primary, `name (1).html`
 * when that is taken), serves that folder and opens the notebook.
 */
export async function openData(args: string[]): Promise<number> {
  const {primary, reference, schema, port} = parseOpenArgs(args);
  const folder = await commonFolder([primary, ...(reference ? [reference] : [])]);
  const name = basename(primary)
    .replace(/\.gz$/i, "")
    .replace(/\.[^.]*$/, "");
  const notebook = join(folder, `${name || "notebook"}.html`);
  await checkPortFree(port);
  const written = await createNotebook({notebook, primary, reference, schema, numbered: true});
  return serveFolder(folder, {port, open: basename(written)});
}

// The deepest folder holding every file, where they really are (links followed).
async function commonFolder(files: readonly string[]): Promise<string> {
  const folders: string[] = [];
  for (const file of files) {
    if (!(await stat(file).catch(() => undefined))?.isFile()) throw new UsageError(`no such file: ${file}`);
    folders.push(dirname(await realpath(file)));
  }
  let common = folders[0]!;
  while (!folders.every((f) => f === common || f.startsWith(common.endsWith(sep) ? common : common + sep)))
    common = dirname(common);
  // The dev server serves that folder and writes the notebook into it: never the whole disk or home folder
  // (data in ~/data and ~/Downloads would publish all of ~ to anything that reaches the port).
  const home = homedir();
  if (dirname(common) === common || common === home || home.startsWith(common + sep))
    throw new UsageError(
      `open: the files are in ${folders.join(" and ")}, whose only common folder is ${common}: ` +
        `serving it would serve everything in it; put both files in one folder`
    );
  return common;
}

function parseOpenArgs(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {schema: {type: "string"}, port: {type: "string"}}
    });
  } catch (error) {
    throw new UsageError(`open: ${(error as Error).message}`);
  }
  const {positionals, values} = parsed;
  if (positionals.length < 1 || positionals.length > 2)
    throw new UsageError(
      `open takes the primary data file and, optionally, the reference (got ${positionals.length})`
    );
  return {
    primary: positionals[0]!,
    reference: positionals[1] ?? null,
    schema: values.schema ?? null,
    port: parsePort(values.port)
  };
}
