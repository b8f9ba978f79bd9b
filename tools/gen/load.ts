/**
 * Streams a generated graph into an empty Neo4j database with batched UNWIND statements of fixed
 * text, and times it: nodes and relationships separately, and optionally the first relationships
 * one row per transaction, so batched and one-row throughput are measured on the same statements
 * in the same run. Every batch checks that each row found both of its ends.
 */
import type { Database } from '../../server/db/database.ts';
import { generateGraph, type GenerateOptions } from './graph.ts';
import {
  AWAIT_INDEXES,
  CONSTRAINT_STATEMENTS,
  DELETE_ALL,
  DROP_FULLTEXT,
  FULLTEXT_STATEMENTS,
  HAS_ANY_NODE,
  createNodesQuery,
  createRelationshipsQuery,
} from './queries.ts';
import type { BaseLabel, NodeRow, RelationshipRow } from './rows.ts';
import { StatsCollector, type GraphStats } from './stats.ts';

export const DEFAULT_BATCH_SIZE = 10_000;
/** How long the one-row phase may run before the rest goes batched. */
const ONE_ROW_TIME_CAP_MS = 60_000;
const INDEX_WAIT_SECONDS = 1800;

export interface LoadOptions {
  batchSize?: number;
  /** Write this many relationships one row per transaction first (capped at 60 s). */
  oneRowRels?: number;
  /** Delete everything in the database first; otherwise it must be empty. */
  reset?: boolean;
  progress?: (line: string) => void;
}

export interface Throughput {
  rows: number;
  ms: number;
  perSecond: number;
}

export interface LoadReport {
  rels: number;
  seed: string;
  batchSize: number;
  resetMs: number;
  schemaMs: number;
  nodes: Throughput;
  /** Relationships written in batches. */
  relationships: Throughput;
  /** Relationships written one row per transaction, when asked for. */
  oneRow: Throughput | undefined;
  /** Building the full-text indexes over the loaded entities and sources. */
  fulltextMs: number;
  /** Wall time from the first statement to the index being online. */
  totalMs: number;
  stats: GraphStats;
}

export class LoadError extends Error {
  override readonly name = 'LoadError';
}

const throughput = (rows: number, ms: number): Throughput => ({
  rows,
  ms,
  perSecond: ms > 0 ? Math.round((rows * 1000) / ms) : 0,
});

type Payload = Record<string, unknown>;

const nodePayload = (row: NodeRow): Payload =>
  row.kind ? { kind: row.kind, properties: row.properties } : { properties: row.properties };

const relationshipPayload = (row: RelationshipRow): Payload => ({
  type: row.type,
  from: row.from,
  to: row.to,
  properties: row.properties,
});

/** Loads a generated graph and reports what it took. */
export async function loadGraph(
  db: Database,
  graph: GenerateOptions,
  options: LoadOptions = {},
): Promise<LoadReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new LoadError(`batch size must be a positive whole number (got ${batchSize})`);
  }
  const progress = options.progress ?? (() => {});
  const started = Date.now();

  let resetMs = 0;
  if (options.reset) {
    const t = Date.now();
    await db.runAutoCommit(DELETE_ALL);
    resetMs = Date.now() - t;
  } else {
    const hasNodes = await db.read(async (tx) =>
      Boolean((await tx.run(HAS_ANY_NODE)).records[0]?.get('hasNodes')),
    );
    if (hasNodes) {
      throw new LoadError(
        'the database is not empty: generated graphs load into an empty database (use --reset to delete everything in it first)',
      );
    }
  }

  const schemaStarted = Date.now();
  // The full-text indexes are built once after the load rather than updated on every write.
  for (const drop of DROP_FULLTEXT) await db.runAutoCommit(drop);
  for (const { statement } of CONSTRAINT_STATEMENTS) await db.runAutoCommit(statement);
  await db.runAutoCommit(AWAIT_INDEXES, { seconds: INDEX_WAIT_SECONDS });
  const schemaMs = Date.now() - schemaStarted;

  const stats = new StatsCollector();
  const nodeBuffers = new Map<BaseLabel, Payload[]>();
  const relationshipBuffers = new Map<string, { query: string; rows: Payload[] }>();
  let nodeRows = 0;
  let nodeMs = 0;
  let relationshipRows = 0;
  let relationshipMs = 0;
  let oneRowRows = 0;
  let oneRowMs = 0;
  const oneRowWanted = options.oneRowRels ?? 0;

  const write = async (query: string, rows: Payload[]): Promise<number> => {
    const t = performance.now();
    const written = await db.write(async (tx) => {
      const result = await tx.run(query, { rows });
      return Number(result.records[0]?.get('written') ?? 0);
    });
    if (written !== rows.length) {
      throw new LoadError(
        `a batch wrote ${written} of ${rows.length} rows: some relationship ends were not found`,
      );
    }
    return performance.now() - t;
  };

  const flushNodes = async () => {
    for (const [label, rows] of nodeBuffers) {
      if (rows.length === 0) continue;
      nodeMs += await write(createNodesQuery(label), rows);
      nodeRows += rows.length;
      nodeBuffers.set(label, []);
    }
  };

  const flushRelationships = async (group: { query: string; rows: Payload[] }) => {
    if (group.rows.length === 0) return;
    // Every node a relationship may need has been generated before it: write those first.
    await flushNodes();
    relationshipMs += await write(group.query, group.rows);
    relationshipRows += group.rows.length;
    group.rows = [];
  };

  let lastReport = Date.now();
  for (const chunk of generateGraph(graph)) {
    stats.add(chunk);
    for (const node of chunk.nodes) {
      const rows = nodeBuffers.get(node.label) ?? [];
      rows.push(nodePayload(node));
      nodeBuffers.set(node.label, rows);
      if (rows.length >= batchSize) await flushNodes();
    }
    for (const rel of chunk.relationships) {
      const key = `${rel.fromLabel}|${rel.toLabel}`;
      let group = relationshipBuffers.get(key);
      if (!group) {
        group = { query: createRelationshipsQuery(rel.fromLabel, rel.toLabel), rows: [] };
        relationshipBuffers.set(key, group);
      }
      if (oneRowRows < oneRowWanted && oneRowMs < ONE_ROW_TIME_CAP_MS) {
        await flushNodes();
        oneRowMs += await write(group.query, [relationshipPayload(rel)]);
        oneRowRows += 1;
        continue;
      }
      group.rows.push(relationshipPayload(rel));
      if (group.rows.length >= batchSize) await flushRelationships(group);
    }
    if (Date.now() - lastReport > 5000) {
      lastReport = Date.now();
      progress(
        `  ${(nodeRows + relationshipRows + oneRowRows).toLocaleString('en')} elements written…`,
      );
    }
  }
  await flushNodes();
  for (const group of relationshipBuffers.values()) await flushRelationships(group);

  const fulltextStarted = Date.now();
  for (const { statement } of FULLTEXT_STATEMENTS) await db.runAutoCommit(statement);
  await db.runAutoCommit(AWAIT_INDEXES, { seconds: INDEX_WAIT_SECONDS });
  const fulltextMs = Date.now() - fulltextStarted;

  return {
    rels: graph.rels,
    seed: graph.seed,
    batchSize,
    resetMs,
    schemaMs,
    nodes: throughput(nodeRows, nodeMs),
    relationships: throughput(relationshipRows, relationshipMs),
    oneRow: oneRowWanted > 0 ? throughput(oneRowRows, oneRowMs) : undefined,
    fulltextMs,
    totalMs: Date.now() - started,
    stats: stats.result(),
  };
}
