import {js, type Source} from "./cell-source.ts";
import type {NotebookPlan} from "./plan.ts";

/** The schema, the datasets loaded with it and, when the data has no vectors, embedded. */
export function data({primary, reference, schema, embed, embedding}: NotebookPlan): Source[] {
  const schemaCell =
    "file" in schema
      ? js(`schema = FileAttachment(${JSON.stringify(schema.file)}).json()`)
      : js(`schema = (${JSON.stringify(schema.inline, null, 2)})`);
  const loaded = embed ? "Data" : "";
  const load = (name: string, file: string) =>
    js(`${name}${loaded} = px.load(FileAttachment(${JSON.stringify(file)}), {schema, name: "${name}"})`);
  const cells = [schemaCell, load("primary", primary)];
  if (reference) cells.push(load("reference", reference));
  if (!embed) return cells;
  const options = [`method: "${embed.method}"`];
  if (embed.column !== null) options.push(`column: ${JSON.stringify(embed.column)}`);
  options.push(`name: ${JSON.stringify(embedding)}`);
  if (embed.remoteImages) options.push("remoteImages: true");
  // Tabular encoding takes its means and categories from one dataset, so both are encoded alike.
  if (embed.method === "tabular" && reference) options.push("reference: referenceData");
  const embedCell = (name: string) => js(`${name} = px.embed(${name}Data, {${options.join(", ")}})`);
  cells.push(embedCell("primary"));
  if (reference) cells.push(embedCell("reference"));
  return cells;
}
