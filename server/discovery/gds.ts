/**
 * Centrality and communities computed by Neo4j Graph Data Science where the database has it
 * (Aura Graph Analytics, Enterprise, or Community with the plugin): the part of the graph is
 * projected into GDS's catalog with the same node predicate and link weights as the graphology
 * projection, the algorithms run there, and the catalog graph is dropped again.
 */
import { randomUUID } from 'node:crypto';
import neo4j, { Neo4jError } from 'neo4j-driver';
import type { EvidenceProfile } from '../../common/api.ts';
import type { Database } from '../db/database.ts';
import { toCount } from '../schema/records.ts';
import { BETWEENNESS_MAX_WORK, BETWEENNESS_SAMPLE_SOURCES, PAGERANK_ALPHA } from './limits.ts';
import { numberBySize } from './centrality.ts';
import type { HeldProjection } from './algorithm-worker-client.ts';
import { scopeParameters, scopeShape } from './projection.ts';
import { gdsProjectionQuery } from './queries.ts';

export const GDS_VERSION_QUERY = 'RETURN gds.version() AS version';

/** The GDS version the database offers, or null when it has none. */
export async function detectGds(db: Database, timeoutMs: number): Promise<string | null> {
  try {
    const version = await db.read(async (tx) => {
      const result = await tx.run<{ version: string }>(GDS_VERSION_QUERY);
      return result.records[0]?.get('version');
    }, timeoutMs);
    return String(version);
  } catch (error) {
    // "Unknown function 'gds.version'": no GDS here. Anything else (an outage) is not an answer.
    if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Statement.SyntaxError') {
      return null;
    }
    throw error;
  }
}

/** Detects GDS once per process; a failed detection (database away) is retried next time. */
export class GdsDetection {
  private found: Promise<string | null> | undefined;

  constructor(
    private readonly db: Database,
    private readonly timeoutMs: number,
  ) {}

  get(): Promise<string | null> {
    if (!this.found) {
      const found = detectGds(this.db, this.timeoutMs);
      found.catch(() => {
        if (this.found === found) this.found = undefined;
      });
      this.found = found;
    }
    return this.found;
  }
}

export type GdsTask = 'degree' | 'pagerank' | 'betweenness' | 'louvain';

export interface GdsResults {
  scores: Map<GdsTask, Map<string, number>>;
  modularity: number | null;
}

const WEIGHT = { relationshipWeightProperty: 'relationships' };

/** Procedures per task; each yields `id` (element id) and `value`. */
function taskQuery(task: Exclude<GdsTask, 'louvain'>): string {
  const call = {
    degree: 'gds.degree.stream($graphName, $config) YIELD nodeId, score',
    pagerank: 'gds.pageRank.stream($graphName, $config) YIELD nodeId, score',
    betweenness: 'gds.betweenness.stream($graphName, $config) YIELD nodeId, score',
  }[task];
  return `CALL ${call}
RETURN elementId(gds.util.asNode(nodeId)) AS id, score AS value`;
}

const LOUVAIN_MUTATE = `CALL gds.louvain.mutate($graphName, $config) YIELD modularity
RETURN modularity`;
const LOUVAIN_READ = `CALL gds.graph.nodeProperty.stream($graphName, 'community') YIELD nodeId, propertyValue
RETURN elementId(gds.util.asNode(nodeId)) AS id, propertyValue AS value`;
const DROP = 'CALL gds.graph.drop($graphName, false) YIELD graphName RETURN graphName';

/** Whole numbers go in as integers: GDS refuses a float where it counts. */
function configOf(task: GdsTask, projection: HeldProjection): Record<string, unknown> {
  switch (task) {
    case 'degree':
      return WEIGHT;
    case 'pagerank':
      // L1Norm: scores summing to one, as graphology's.
      return {
        dampingFactor: PAGERANK_ALPHA,
        maxIterations: neo4j.int(1000),
        tolerance: 1e-10,
        scaler: 'L1Norm',
      };
    case 'betweenness': {
      const { nodes: order, links: size } = projection;
      // Exact where graphology would be; estimated from a seeded sample of sources beyond.
      return order * size > BETWEENNESS_MAX_WORK
        ? { samplingSize: neo4j.int(BETWEENNESS_SAMPLE_SOURCES), samplingSeed: neo4j.int(7) }
        : {};
    }
    case 'louvain':
      // One thread: the same communities on every run.
      return { ...WEIGHT, mutateProperty: 'community', concurrency: neo4j.int(1) };
  }
}

/** Runs the tasks on one GDS projection of `projection`'s part of the graph. */
export async function runOnGds(
  db: Database,
  projection: HeldProjection,
  evidence: EvidenceProfile,
  tasks: readonly GdsTask[],
  timeoutMs: number,
): Promise<GdsResults> {
  const graphName = `summit-discovery-${randomUUID()}`;
  const results: GdsResults = { scores: new Map(), modularity: null };
  try {
    await db.read(async (tx) => {
      await tx.run(gdsProjectionQuery(scopeShape(projection.scope, projection.dates)), {
        ...scopeParameters(projection.scope, evidence, projection.dates),
        excludedTypes: projection.excludedTypes,
        graphName,
      });
    }, timeoutMs);
    for (const task of tasks) {
      await db.read(async (tx) => {
        const config = configOf(task, projection);
        if (task === 'louvain') {
          const stats = await tx.run(LOUVAIN_MUTATE, { graphName, config });
          results.modularity = Number(stats.records[0]?.get('modularity') ?? 0);
        }
        const rows = await tx.run<{ id: string; value: unknown }>(
          task === 'louvain' ? LOUVAIN_READ : taskQuery(task),
          {
            graphName,
            config,
          },
        );
        const values = new Map<string, number>();
        for (const record of rows.records) {
          values.set(record.get('id'), toCount(record.get('value')));
        }
        results.scores.set(task, task === 'louvain' ? numberBySize(values) : values);
      }, timeoutMs);
    }
  } finally {
    await db.read((tx) => tx.run(DROP, { graphName }), timeoutMs).catch(() => {});
  }
  if (tasks.includes('louvain') && projection.links === 0) results.modularity = null;
  return results;
}
