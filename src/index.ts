/**
 * phoenix-notebook's public surface: the Phoenix cells (`px` in notebooks), as named re-exports of
 * src/cells (load, embed, project, cluster, drift, export) as they land. Nothing is exported yet.
 */
export {};
