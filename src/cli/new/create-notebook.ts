import {realpath, stat, writeFile} from "node:fs/promises";
import {basename, dirname, isAbsolute, join, relative, resolve, sep} from "node:path";
import {serializeNotebook} from "../../runtime/notebook/index.ts";
import {UsageError} from "../usage-error.ts";
import {inspectData, type DataFile, type SchemaFile} from "./inspect.ts";
import {notebookCells} from "./notebook-cells.ts";
import type {NotebookPlan, OneSidedFeatures, ReferenceSchema} from "./plan.ts";
import {fieldLabel} from "./reference-schema.ts";

/** What `new` and `open` ask for. */
export interface CreateOptions {
  /** Where to write the notebook (a `.html` file). */
  readonly notebook: string;
  readonly primary: string;
  readonly reference: string | null;
  /** Phoenix's schema.json; null to infer the schema. */
  readonly schema: string | null;
  /** On a name taken, write `name (1).html` (and so on) instead of refusing. */
  readonly numbered: boolean;
}

/**
 * Writes the notebook for the data, never over a file, and prints what it inferred. The data must lie in the
 * notebook's folder or below it: the notebook reaches it by a relative FileAttachment, and a built page
 * refuses an attachment outside its folder. Resolves to the notebook's path.
 */
export async function createNotebook(options: CreateOptions): Promise<string> {
  const folder = await notebookFolder(options.notebook);
  const primary = await dataFile("--primary", options.primary, folder);
  const reference = options.reference ? await dataFile("--reference", options.reference, folder) : null;
  const schema = options.schema ? await schemaFile(options.schema, folder) : null;
  let target = join(folder, basename(options.notebook));
  if (!options.numbered && (await exists(target)))
    throw new UsageError(`${options.notebook} exists: new never overwrites a file (choose another name)`);
  const title = reference
    ? `${basename(options.primary)} against ${basename(options.reference!)}`
    : basename(options.primary);
  const {plan, inferred, leftOut} = await inspectData({title, primary, reference, schema});
  const html = serializeNotebook(notebookCells(plan));
  target = await writeNew(target, html, options.numbered);
  const shown = join(dirname(options.notebook), basename(target));
  if (inferred) printInferred(inferred, shown);
  for (const warning of leftOut) console.log(`phoenix-notebook: ${options.primary}: ${warning}`);
  console.log(`phoenix-notebook: wrote ${shown}: ${describe(plan)}`);
  if (plan.oneSided) printOneSided(plan.oneSided, options.primary, options.reference!);
  if (plan.referenceSchema) printOwnSchema(plan.referenceSchema, options.reference!);
  if (plan.embeddingMissing)
    console.log(
      `phoenix-notebook: ${options.reference!} has no ${plan.embeddingMissing} column (the primary's embedding ` +
        `${plan.embedding!}): the point cloud shows the primary alone, without embedding drift`
    );
  if (plan.embed?.remoteImages)
    console.log(
      `phoenix-notebook: the images of ${plan.embed.column} are links to other sites: the notebook fetches them ` +
        "(px.embed's remoteImages: true), and so will the browser of everyone who opens a page built from it"
    );
  return target;
}

async function notebookFolder(notebook: string): Promise<string> {
  if (!/\.html$/i.test(notebook))
    throw new UsageError(`the notebook must be an .html file (got ${notebook})`);
  const folder = dirname(resolve(notebook));
  if (!(await stat(folder).catch(() => undefined))?.isDirectory())
    throw new UsageError(`no such directory: ${dirname(notebook)}`);
  return realpath(folder);
}

// Symbolic links count where they lead, as in `build`: a link out of the folder is outside it.
async function dataFile(flag: string, path: string, folder: string): Promise<DataFile> {
  const stats = await stat(path).catch(() => undefined);
  if (!stats) throw new UsageError(`${flag}: no such file: ${path}`);
  if (!stats.isFile()) throw new UsageError(`${flag}: ${path} is not a file`);
  const relativePath = inside(folder, await realpath(path));
  if (relativePath === null)
    throw new UsageError(
      `${flag} ${path} lies outside the notebook's folder (${folder}): a notebook reaches its data by a ` +
        "relative path within its folder, and a built page refuses anything outside it. Write the notebook " +
        "in a folder that holds the data, or copy the data into the notebook's folder"
    );
  return {path, relative: relativePath};
}

async function schemaFile(path: string, folder: string): Promise<SchemaFile> {
  if (!(await stat(path).catch(() => undefined))?.isFile())
    throw new UsageError(`--schema: no such file: ${path}`);
  return {path, relative: inside(folder, await realpath(path))};
}

/** The path from `folder` to `file` with `/` separators, or null when the file is not within the folder. */
function inside(folder: string, file: string): string | null {
  const path = relative(folder, file);
  if (path === "" || isAbsolute(path) || path === ".." || path.startsWith(`..${sep}`)) return null;
  return path.split(sep).join("/");
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  );
}

// "wx" fails on an existing file, so a file that appeared since the check is never overwritten either.
async function writeNew(path: string, text: string, numbered: boolean): Promise<string> {
  const stem = path.replace(/\.html$/i, "");
  for (let n = 0; ; ++n) {
    const candidate = n === 0 ? path : `${stem} (${n}).html`;
    try {
      await writeFile(candidate, text, {flag: "wx"});
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (!numbered)
        throw new UsageError(`${path} exists: new never overwrites a file (choose another name)`);
    }
  }
}

function printInferred(schema: object, notebook: string): void {
  console.log(`Inferred schema (Phoenix's schema.json):\n${JSON.stringify(schema, null, 2)}`);
  console.log(
    `To change it, edit the schema cell in ${notebook}, or save the schema above as schema.json, edit it and ` +
      "pass --schema schema.json to new."
  );
}

function printOneSided(oneSided: OneSidedFeatures, primary: string, reference: string): void {
  const only = [
    oneSided.primary.length ? `${oneSided.primary.join(", ")} only in ${primary}` : "",
    oneSided.reference.length ? `${oneSided.reference.join(", ")} only in ${reference}` : ""
  ].filter(Boolean);
  console.log(
    `phoenix-notebook: features in one file only are left out of the schema and of the drift: ${only.join("; ")}`
  );
}

function printOwnSchema(own: ReferenceSchema, reference: string): void {
  const differences = [
    ...own.fields.map(({key, primary, reference: column}) => {
      const label = fieldLabel(key);
      if (column === null) return `no ${label} (${primary})`;
      return primary === null ? `${label} ${column}` : `${label} ${column} (not ${primary})`;
    }),
    ...own.embeddingsLacking.map(({name, part, column}) => `no ${part} of embedding ${name} (${column})`)
  ];
  console.log(
    `phoenix-notebook: ${reference} has other columns than the primary and loads with a schema of its own ` +
      `(the referenceSchema cell): ${differences.join("; ")}`
  );
}

function describe(plan: NotebookPlan): string {
  const parts = [plan.reference ? "primary against reference" : "one dataset (exploration, no drift)"];
  if (plan.performance) parts.push(`${plan.performance} metrics`);
  if (plan.embed)
    parts.push(
      `embedding ${plan.embedding} (px.embed ${plan.embed.method}${plan.embed.column ? ` of ${plan.embed.column}` : ""})`
    );
  else if (plan.embedding) parts.push(`embedding ${plan.embedding}`);
  else parts.push("no embedding (no point cloud)");
  if (plan.reference && plan.embedding && !plan.embeddingMissing)
    parts.push(plan.timestamps ? "drift timeline" : "no timestamps: no timeline");
  return parts.join(", ");
}
