/**
 * The projection discovery computes on: the graph of facts (evidence passages and mention links
 * left out) as an undirected graphology graph with one link per connected pair of nodes. It is
 * read in the algorithm worker (algorithm-worker.ts), never on the server's event loop:
 * streamed from Neo4j record by record inside one read transaction, and refused when the part of
 * the graph asked for exceeds the bounds, so memory stays bounded however large the database is.
 */
import neo4j from 'neo4j-driver';
import Graph from 'graphology';
import type { DateProperty, DiscoveryScope, EvidenceProfile } from '../../common/api.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/problems.ts';
import { dateParameters, textFormsOf } from '../schema/date-cypher.ts';
import { RELATIONSHIP_EVIDENCE } from '../schema/evidence-profile.ts';
import { toStringOrNull, toStrings } from '../schema/records.ts';
import { excludedTypes as excludedTypesOf } from './excluded.ts';
import { isWholeGraph } from './scope.ts';
import {
  PART_RELATIONSHIPS_QUERY,
  WHOLE_GRAPH_RELATIONSHIPS_QUERY,
  projectionNodesQuery,
  type ScopeShape,
} from './queries.ts';

export interface ProjectedNode {
  labels: string[];
  caption: string;
}

/** A connected pair: how many relationships join the two, and how many of them carry a quote. */
export interface ProjectedLink {
  relationships: number;
  quoted: number;
}

export type ProjectionGraph = Graph<ProjectedNode, ProjectedLink>;

export interface Projection {
  scope: DiscoveryScope;
  /** The date properties its time window was read with (the schema profile's). */
  dates: DateProperty[];
  graph: ProjectionGraph;
  relationships: number;
  excludedLabels: string[];
  excludedTypes: string[];
  readMs: number;
  /** Results computed on this projection (centrality, communities), kept with it. */
  memo: Map<string, unknown>;
}

export interface ProjectionBounds {
  maxNodes: number;
  maxRelationships: number;
}

function tooLarge(what: string, bound: number): AppError {
  return new AppError(
    'query-refused',
    `The chosen part of the graph has more than ${bound} ${what}, more than discovery projects at once; ` +
      'narrow it with labels, documents or a time window.',
    { reason: 'projection-too-large', bound },
  );
}

/** Which filters of the node predicate a scope uses (queries.ts). */
export function scopeShape(scope: DiscoveryScope, dates: readonly DateProperty[]): ScopeShape {
  return {
    labels: scope.labels !== null,
    documents: scope.documents !== null,
    window: scope.from !== null || scope.to !== null,
    textForms: textFormsOf(dates),
  };
}

/** The parameters of the node predicate for a scope. */
export function scopeParameters(
  scope: DiscoveryScope,
  evidence: EvidenceProfile,
  dates: readonly DateProperty[],
) {
  return {
    ...dateParameters(dates),
    excludedLabels: [...evidence.passageLabels],
    labels: scope.labels,
    documents: scope.documents,
    mentionTypes: evidence.mentionTypes,
    passageLabels: evidence.passageLabels,
    windowStart: scope.from ?? '0000-01-01',
    windowEnd: scope.to ?? '9999-12-31',
  };
}

/** One relationship of the projection: its ends and whether a quote states it. */
interface RelationshipRow {
  a: string;
  b: string;
  quoted: unknown;
}

/** Reads the part of the graph `scope` names into a projection. */
export async function readProjection(
  db: Database,
  scope: DiscoveryScope,
  evidence: EvidenceProfile,
  dates: readonly DateProperty[],
  bounds: ProjectionBounds,
  timeoutMs: number,
): Promise<Projection> {
  const started = performance.now();
  const excludedLabels = [...evidence.passageLabels];
  const excludedTypes = excludedTypesOf(evidence);
  const graph: ProjectionGraph = new Graph({
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
  });
  let relationships = 0;

  await db.read(async (tx) => {
    const nodes = tx.run<{ id: string; labels: unknown; caption: unknown }>(
      projectionNodesQuery(scopeShape(scope, dates)),
      {
        ...scopeParameters(scope, evidence, dates),
        cap: neo4j.int(bounds.maxNodes + 1),
      },
    );
    for await (const record of nodes) {
      if (graph.order >= bounds.maxNodes) throw tooLarge('nodes', bounds.maxNodes);
      const id = record.get('id');
      graph.addNode(id, {
        labels: toStrings(record.get('labels')),
        caption: toStringOrNull(record.get('caption')) ?? id,
      });
    }
    const whole = isWholeGraph(scope);
    const rels = tx.run<RelationshipRow>(
      whole ? WHOLE_GRAPH_RELATIONSHIPS_QUERY : PART_RELATIONSHIPS_QUERY,
      {
        excludedTypes,
        excludedLabels,
        ids: whole ? [] : graph.nodes(),
        quotesKey: RELATIONSHIP_EVIDENCE.quotes,
        cap: neo4j.int(bounds.maxRelationships + 1),
      },
    );
    for await (const record of rels) {
      if (relationships >= bounds.maxRelationships) {
        throw tooLarge('relationships', bounds.maxRelationships);
      }
      const a = record.get('a');
      const b = record.get('b');
      // An end outside the projection: an evidence passage (whole graph), or a node written
      // between the two reads.
      if (!graph.hasNode(a) || !graph.hasNode(b)) continue;
      relationships += 1;
      const quoted = record.get('quoted') === true ? 1 : 0;
      graph.updateEdge(a, b, (link) => ({
        relationships: (link.relationships ?? 0) + 1,
        quoted: (link.quoted ?? 0) + quoted,
      }));
    }
  }, timeoutMs);

  return {
    scope,
    dates: [...dates],
    graph,
    relationships,
    excludedLabels,
    excludedTypes,
    readMs: Math.round(performance.now() - started),
    memo: new Map(),
  };
}

/**
 * Memoises a computation on a projection (it is dropped with the projection). A promise that
 * fails is forgotten, so the next request computes again.
 */
export function memoised<T>(
  projection: { memo: Map<string, unknown> },
  key: string,
  compute: () => T,
): T {
  if (projection.memo.has(key)) return projection.memo.get(key) as T;
  const value = compute();
  projection.memo.set(key, value);
  if (value instanceof Promise) {
    value.catch(() => {
      if (projection.memo.get(key) === value) projection.memo.delete(key);
    });
  }
  return value;
}
