import {CellId, type Cell, type Notebook} from "../../runtime/notebook/index.ts";
import {hiddenJs, js, md, type Source} from "./cell-source.ts";
import {data} from "./data-cells.ts";
import {mdPlain, mdText} from "./markdown-text.ts";
import type {NotebookPlan, OneSidedFeatures} from "./plan.ts";

/**
 * The notebook for a plan, in Phoenix's order: the data, performance, embedding drift over time, the point
 * cloud with its settings and clusters, the selection, feature drift, data quality and the export. Without a
 * reference there is no drift; without timestamps, no timeline; without an embedding, no point cloud.
 */
export function notebookCells(plan: NotebookPlan): Notebook {
  // A reference without the embedding's column has no points to project: the cloud is the primary's alone.
  const cloud = plan.embeddingMissing ? {...plan, reference: null} : plan;
  const sources: Source[] = [
    ...intro(plan),
    ...data(plan),
    ...performance(plan),
    ...embeddingDrift(cloud),
    ...pointCloud(cloud, missingNote(plan)),
    ...featureDrift(plan),
    ...dataQuality(),
    ...exportRows(cloud)
  ];
  const cells = sources.map(([mode, source, hidden], i): Cell => ({
    id: CellId.create(i + 1),
    mode,
    source,
    pinned: false,
    ...(hidden ? {hidden: true} : {}),
    line: 1
  }));
  return {title: plan.title, cells};
}

function intro({title, primary, reference, schema}: NotebookPlan): Source[] {
  const against = reference
    ? ` against **\${reference.numRows}** in the reference (\`${mdText(reference)}\`)`
    : "";
  const schemaNote =
    "file" in schema
      ? `The schema comes from \`${mdText(schema.file)}\`.`
      : "The schema was inferred from the data: edit the `schema` cell if a column is taken for the wrong thing.";
  return [
    md(
      `# ${mdPlain(title)}\n\n` +
        `**\${primary.numRows}** rows in the primary dataset (\`${mdText(primary)}\`)${against}. ${schemaNote} ` +
        "Written by `phoenix-notebook new`: every cell is yours to change."
    )
  ];
}

function performance({performance, primary, reference, unscored}: NotebookPlan): Source[] {
  if (!performance) return [];
  const datasets = reference ? ["primary", "reference"] : ["primary"];
  const row =
    performance === "classification"
      ? "({dataset, rows: p.count, accuracy: p.accuracy, precision: p.macro.precision, recall: p.macro.recall, f1: p.macro.f1})"
      : "({dataset, rows: p.regression?.count, mae: p.regression?.mae, rmse: p.regression?.rmse, mape: p.regression?.mape})";
  const what =
    performance === "classification"
      ? "Accuracy over the rows that have both labels, and the macro precision, recall and F1 over the classes."
      : "Mean absolute error, root mean squared error and mean absolute percentage error of the predicted scores.";
  // Phoenix scores the rows that have both values: a dataset without the column has null metrics.
  const unavailable = unscored
    ? ` \`${mdText(unscored.dataset === "primary" ? primary : reference!)}\` has no ${unscored.lacks.join(" and no ")}: its metrics are unavailable.`
    : "";
  return [
    md(`## Performance\n\n${what}${unavailable}`),
    ...datasets.map((d) => js(`${d}Performance = px.performance(${d})`)),
    js(
      `Inputs.table([${datasets.map((d) => `["${d}", ${d}Performance]`).join(", ")}].map(([dataset, p]) => ${row}))`
    )
  ];
}

function embeddingDrift({reference, embedding, timestamps}: NotebookPlan): Source[] {
  if (!reference || !embedding) return [];
  const name = JSON.stringify(embedding);
  const over = timestamps
    ? " over the whole period; below, per 72-hour window, sampled hourly over a day or less of data, else daily. " +
      "Click or brush the timeline to project only that window's primary rows."
    : ".";
  const cells = [
    md(
      "## Embedding drift\n\n" +
        `The Euclidean distance between the centroids of the primary and the reference \`${mdText(embedding)}\` ` +
        `vectors: **\${drift.value === null ? "none" : drift.value.toFixed(3)}**${over}`
    ),
    js(`drift = px.embeddingDrift(primary, reference, {embedding: ${name}})`)
  ];
  if (!timestamps) return cells;
  return [
    ...cells,
    js(
      "driftSeries = {\n" +
        "  // Phoenix's drift charts: a 72-hour window, sampled hourly over a day or less of data, else daily.\n" +
        "  const hour = 3_600_000;\n" +
        "  const {start, end} = px.datasetTimeRange(primary);\n" +
        `  return px.embeddingDrift(primary, reference, {\n` +
        `    embedding: ${name},\n` +
        "    evaluationWindow: 72 * hour,\n" +
        "    samplingInterval: end - start <= 24 * hour ? hour : 24 * hour\n" +
        "  }).series;\n" +
        "}"
    ),
    js(`viewof timeWindow = phx.driftTimeline(driftSeries, {label: "embedding drift"})`)
  ];
}

function pointCloud(
  {reference, embedding, timestamps, performance, hoverText}: NotebookPlan,
  missing: string
): Source[] {
  if (!embedding) return [];
  const datasets = reference ? "[primary, reference]" : "[primary]";
  const windowed = reference && timestamps;
  const timeRange = windowed ? ", ...(timeWindow ? {timeRange: timeWindow} : {})" : "";
  const metric = performance === "classification" ? `, {metric: "accuracy"}` : "";
  // ?.: a reference without the raw-data column has no text to show for its points.
  const hover = hoverText
    ? `, rawData: (i) => projection.datasets[projection.dataset[i]].table.getChild(${JSON.stringify(hoverText)})?.get(projection.row[i])`
    : "";
  const ranked = reference
    ? "Clusters ranked by drift ratio (1: only primary points, −1: only reference ones)"
    : "Clusters by size";
  return [
    md(
      "## Point cloud\n\n" +
        `The \`${mdText(embedding)}\` vectors${reference ? " of both datasets" : ""}, sampled and projected ` +
        "together with UMAP (seeded), then clustered with HDBSCAN. The settings are Phoenix's: changing only the " +
        `clustering reclusters without projecting again.${missing}`
    ),
    js("viewof settings = phx.projectionSettings()"),
    js(
      `projection = px.project(${datasets}, {embedding: ${JSON.stringify(embedding)}, ...settings.project${timeRange}})`
    ),
    js("clusters = px.cluster(projection, settings.cluster)"),
    js(`summary = px.clusterSummary(projection, clusters${metric})`),
    js(
      // previous: this keeps the cloud (camera, lasso, WebGL context) when a setting reclusters or reprojects.
      `viewof selection = phx.pointCloud(projection, {colorBy: "cluster", clusters, highlight: summary[0]?.points${hover}, previous: this})`
    ),
    md(
      `${ranked}${metric ? ", with the model's accuracy on each side" : ""}. The first is ringed in the cloud; ` +
        "pick another here, or lasso points in the cloud (shift-drag): " +
        "${selection.length} selected."
    ),
    js(`viewof pickedCluster = phx.clusterExplorer(summary${metric ? `, {metricLabel: "accuracy"}` : ""})`),
    // Picking a cluster rings its points in the cloud; clicking a point picks its cluster's row.
    hiddenJs("phx.linkClusters(viewof selection, viewof pickedCluster)"),
    md(
      "## Selection\n\nThe rows of the lassoed points or, with none, of the picked cluster (the first until you " +
        "pick one). Click a header to sort."
    ),
    js(
      "selectedPoints = selection.length ? selection : ((pickedCluster ?? summary[0])?.points ?? new Int32Array(0))"
    ),
    js("viewof pickedRow = phx.selectionTable(projection, selectedPoints, {clusters})")
  ];
}

function missingNote({reference, embeddingMissing}: NotebookPlan): string {
  if (!reference || !embeddingMissing) return "";
  return (
    ` \`${mdText(reference)}\` has no \`${mdText(embeddingMissing)}\` column: the cloud shows the primary alone, ` +
    "and there is no embedding drift."
  );
}

function featureDrift({primary, reference, oneSided}: NotebookPlan): Source[] {
  if (!reference) return [];
  return [
    md(
      "## Feature drift\n\nPSI of each feature and of the model's outputs against the reference, binned on the " +
        `reference's deciles. Click a feature for its bins.${oneSidedNote(oneSided, primary, reference)}`
    ),
    js(`featureDrift = px.featureDrift(primary, reference, {metric: "psi"})`),
    js("viewof pickedFeature = phx.featureDriftTable(featureDrift)")
  ];
}

// Features one file lacks have nothing to compare with: the schema leaves them out, and the text says which.
function oneSidedNote(oneSided: OneSidedFeatures | null, primary: string, reference: string): string {
  if (!oneSided) return "";
  const names = (features: readonly string[]) => features.map((f) => `\`${mdText(f)}\``).join(", ");
  const only = [
    oneSided.primary.length ? `${names(oneSided.primary)} only in \`${mdText(primary)}\`` : "",
    oneSided.reference.length ? `${names(oneSided.reference)} only in \`${mdText(reference)}\`` : ""
  ].filter(Boolean);
  return ` Features in one file only are left out of the schema and of the drift: ${only.join("; ")}.`;
}

function dataQuality(): Source[] {
  return [
    md(
      "## Data quality\n\nPer column of the primary dataset: count, percent empty, cardinality, mean, sum, " +
        "min, max and percentiles."
    ),
    js("quality = px.dataQuality(primary)"),
    js("Inputs.table(quality.columns)")
  ];
}

// px.exportRows refuses an empty selection; clicked with nothing to export, the cell says so instead.
const NOTHING_TO_EXPORT =
  "Nothing to export: no points are lassoed and no cluster formed (lower the min cluster size, or lasso " +
  "points in the cloud).";

function exportRows({reference, embedding}: NotebookPlan): Source[] {
  if (!embedding) return [];
  const datasets = reference ? "[primary, reference]" : "[primary]";
  const rows = reference ? "{primary: pointRows(0), reference: pointRows(1)}" : "{primary: pointRows(0)}";
  return [
    md(
      "## Export\n\nThe lassoed points' rows or, with none, the picked cluster's (with a " +
        "`__phoenix_cluster_id__` column), in their original columns, as Parquet. In the browser the button " +
        "offers a download; headless, `--set exportClicks=1` writes the file under `exports/` next to the " +
        "notebook."
    ),
    js(`viewof exportClicks = Inputs.button("Export")`),
    js(
      "pointRows = (dataset) => Array.from(selection).filter((i) => projection.dataset[i] === dataset).map((i) => projection.row[i])"
    ),
    js(
      "exportSelection = {\n" +
        `  if (selection.length) return ${rows};\n` +
        "  const cluster = pickedCluster ?? summary[0];\n" +
        "  // null: nothing lassoed and no cluster formed, so there is nothing to export.\n" +
        "  return cluster ? {projection, labels: clusters.labels, clusters: [cluster.id]} : null;\n" +
        "}"
    ),
    js(
      "exported = !exportClicks\n" +
        "  ? md`Nothing exported yet.`\n" +
        "  : exportSelection === null\n" +
        `    ? md\`${NOTHING_TO_EXPORT}\`\n` +
        `    : px.exportRows(${datasets}, exportSelection, {format: "parquet"})`
    )
  ];
}
