import {js, type Source} from "./cell-source.ts";
import type {NotebookPlan, ReferenceSchema} from "./plan.ts";
import {ownEntries} from "./reference-schema.ts";

/** The schema, the datasets loaded with it and, when the data has no vectors, embedded. */
export function data(plan: NotebookPlan): Source[] {
  const {primary, reference, schema, embed, embedding, referenceSchema} = plan;
  const schemaCell =
    "file" in schema
      ? js(`schema = FileAttachment(${JSON.stringify(schema.file)}).json()`)
      : js(`schema = (${JSON.stringify(schema.inline, null, 2)})`);
  // The reference is embedded only when it has the column the primary's embedding is made from.
  const embedded = (name: string) => embed !== null && (name === "primary" || !plan.embeddingMissing);
  const load = (name: string, file: string, schema: string) =>
    js(
      `${name}${embedded(name) ? "Data" : ""} = px.load(FileAttachment(${JSON.stringify(file)}), {${schema}, name: "${name}"})`
    );
  const cells = [schemaCell];
  if (referenceSchema) cells.push(referenceSchemaCell(referenceSchema));
  cells.push(load("primary", primary, "schema"));
  if (reference)
    cells.push(load("reference", reference, referenceSchema ? "schema: referenceSchema" : "schema"));
  if (!embed) return cells;
  const options = [`method: "${embed.method}"`];
  if (embed.column !== null) options.push(`column: ${JSON.stringify(embed.column)}`);
  options.push(`name: ${JSON.stringify(embedding)}`);
  if (embed.remoteImages) options.push("remoteImages: true");
  // Tabular encoding takes its means and categories from one dataset, so both are encoded alike.
  if (embed.method === "tabular" && reference && embedded("reference"))
    options.push("reference: referenceData");
  const embedCell = (name: string) => js(`${name} = px.embed(${name}Data, {${options.join(", ")}})`);
  cells.push(embedCell("primary"));
  if (reference && embedded("reference")) cells.push(embedCell("reference"));
  return cells;
}

// The primary's schema with the fields whose columns the reference has otherwise: editing the schema cell
// changes both, and the reference's own columns stay its own.
function referenceSchemaCell(own: ReferenceSchema): Source {
  const lines = ownEntries(own).map(
    ([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, "\n  ")}`
  );
  return js(
    "referenceSchema = ({\n" +
      "  ...schema,\n" +
      "  // The reference's own columns: its schema names only the columns its file has.\n" +
      `${lines.join(",\n")}\n` +
      "})"
  );
}
