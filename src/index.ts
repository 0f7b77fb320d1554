/**
 * phoenix-notebook's public surface: the Phoenix cells, `px` in notebooks. Pure functions over Apache Arrow
 * tables and typed arrays (no DOM): load → embed → project → cluster → drift → export. What is not listed
 * here is private and free to change.
 */

// options: every px and phx function rejects an option name it does not know, naming the closest one
export {checkOptions} from "./cells/options.ts";
export type {OptionKeys} from "./cells/options.ts";

// load: datasets in the Open Inference format
export {load} from "./cells/dataset/load.ts";
export type {LoadOptions} from "./cells/dataset/load.ts";
export {fromTable} from "./cells/dataset/from-table.ts";
export {inferSchema} from "./cells/dataset/infer-schema.ts";
export type {SchemaInference} from "./cells/dataset/infer-schema.ts";
export type {DatasetOptions} from "./cells/dataset/from-table.ts";
export {readTable} from "./cells/dataset/formats/index.ts";
export type {
  ReadTableOptions,
  ReadTableResult,
  TableFormat,
  TableSource
} from "./cells/dataset/formats/index.ts";
export {DatasetError} from "./cells/dataset/errors.ts";
export type {DatasetProblem} from "./cells/dataset/errors.ts";
export type {Dataset, EmbeddingVectors} from "./cells/dataset/dataset.ts";
export {timeWindow as window} from "./cells/dataset/window.ts";
export type {TimeRange} from "./cells/dataset/time-range.ts";
export type {EmbeddingColumns, PhoenixSchemaJson, Schema, SchemaSpec} from "./cells/dataset/schema.ts";

// sql: a dataset that stays in its database; drift, data quality and the projection's sample computed in SQL
export {fromSql} from "./cells/sql/from-sql.ts";
export type {FromSqlOptions, SqlTable} from "./cells/sql/from-sql.ts";
export type {SqlDatabase} from "./cells/sql/database.ts";
export {isSqlDataset} from "./cells/sql/sql-dataset.ts";
export type {SqlDataset, SqlEmbedding} from "./cells/sql/sql-dataset.ts";
export {duckdb as duckdbDialect} from "./cells/sql/dialect.ts";
export type {SqlDialect} from "./cells/sql/dialect.ts";
export type {Sql} from "./cells/sql/sql.ts";

// embed: embeddings generated from text, tabular features, images, or an OpenAI-compatible service
export {embed, EmbedError} from "./cells/embed/index.ts";
export type {
  EmbedHooks,
  EmbedMethod,
  EmbedOptions,
  EmbedStage,
  EmbeddingCache,
  ProviderMethod
} from "./cells/embed/index.ts";

// project: UMAP of primary and reference together
export {project, ProjectionCache} from "./cells/project/project.ts";
export type {ProjectHooks, ProjectionInput} from "./cells/project/project.ts";
export type {Projection, ProjectOptions} from "./cells/project/projection.ts";
export {umap, layoutQuality, UmapError} from "./cells/project/umap/index.ts";
export type {UmapOptions, UmapHooks, LayoutQuality} from "./cells/project/umap/index.ts";

// cluster: HDBSCAN of the projected points
export {cluster, ClusterError} from "./cells/cluster/index.ts";
export type {ClusterOptions, Clustering, PointSet} from "./cells/cluster/index.ts";

// drift: embedding and feature drift, clusters ranked by drift
export {embeddingDrift} from "./cells/drift/embedding-drift.ts";
export type {DriftPoint, EmbeddingDriftOptions} from "./cells/drift/embedding-drift.ts";
export {featureDrift} from "./cells/drift/feature-drift.ts";
export type {FeatureDrift, FeatureDriftOptions, FeatureDrifts} from "./cells/drift/feature-drift.ts";
export type {DriftMetric} from "./cells/drift/divergence.ts";
export {datasetTimeRange} from "./cells/drift/windows.ts";
export {clusterSummary} from "./cells/drift/cluster-summary.ts";
export type {ClusterSummary, ClusterSummaryOptions} from "./cells/drift/cluster-summary.ts";
export {driftSignificance} from "./cells/drift/significance.ts";
export type {DriftSignificance, DriftSignificanceOptions} from "./cells/drift/significance.ts";
export {maximumMeanDiscrepancy} from "./cells/drift/mmd.ts";
export type {Mmd, MmdOptions} from "./cells/drift/mmd.ts";

// export: selected rows or clusters as one file (Parquet, Arrow, CSV, JSONL)
export {exportRows} from "./cells/export/export-rows.ts";
export type {ExportFile, ExportOptions} from "./cells/export/export-rows.ts";
export type {ExportFormat} from "./cells/export/formats.ts";
export type {ClustersSelection, ExportSelection, RowsSelection} from "./cells/export/selection.ts";

// similar: the rows nearest to given rows in the embedding's original space
export {similar} from "./cells/similar/similar.ts";
export type {SimilarOptions, SimilarRows} from "./cells/similar/similar.ts";

// metrics: data quality and performance, on a dataset, a cluster or a selection
export {dataQuality} from "./cells/metrics/data-quality.ts";
export type {ColumnQuality, DataQualityOptions, EmbeddingQuality} from "./cells/metrics/data-quality.ts";
export {performance} from "./cells/metrics/performance.ts";
export type {ClassScores, Performance, PerformanceOptions} from "./cells/metrics/performance.ts";
export type {ColumnStat, RowsMetric} from "./cells/metrics/cluster-metric.ts";

// staged: the steps of px.project, px.embed and px.cluster, for hosts that run them in workers (a notebook's
// px does: src/bindings). Each step is deterministic; together they give what the one call gives.
export {datasetsOf, projectionGraph, projectionLayout, projectionWarnings} from "./cells/project/project.ts";
export type {ResolvedProjectOptions} from "./cells/project/projection.ts";
export {resolveProjectOptions} from "./cells/project/options.ts";
export {sampleForProjection} from "./cells/project/sample.ts";
export {isSqlProjectionInput, sampleFromSql} from "./cells/sql/sample.ts";
export type {SqlProjectionInput} from "./cells/sql/sample.ts";
export type {ProjectionSample} from "./cells/project/sample.ts";
export type {FuzzyGraph} from "./cells/project/umap/index.ts";
export {checkName, checkWhole, embeddingName} from "./cells/embed/embed.ts";
export {checkEmbedOptions} from "./cells/embed/options.ts";
export {withEmbedding} from "./cells/embed/with-embedding.ts";
export {resolveClusterOptions} from "./cells/cluster/index.ts";
