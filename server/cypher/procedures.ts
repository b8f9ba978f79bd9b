/**
 * Procedures the console may call: reads with no side effect. Everything else is refused, even
 * procedures Neo4j marks READ, because some of those change state (db.stats.collect,
 * db.resampleIndex, db.clearQueryCaches) or wait on the server (db.awaitIndexes).
 */
export const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.info',
  'db.ping',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'db.index.fulltext.listAvailableAnalyzers',
  'db.index.vector.queryNodes',
  'db.index.vector.queryRelationships',
  // APOC's read-only path expanders and metadata, where APOC is installed.
  'apoc.path.expand',
  'apoc.path.expandConfig',
  'apoc.path.subgraphNodes',
  'apoc.path.subgraphAll',
  'apoc.path.spanningTree',
  'apoc.meta.schema',
  'apoc.meta.stats',
  'apoc.meta.data',
]);

/** Show commands that only read the schema or the catalogue of callables. */
export const ALLOWED_SHOW_OPERATORS: ReadonlySet<string> = new Set([
  'ShowIndexes',
  'ShowConstraints',
  'ShowProcedures',
  'ShowFunctions',
]);
