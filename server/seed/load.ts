/**
 * Writes a validated seed: schema statements first (auto-commit, idempotent), then every node,
 * mention and fact in ONE write transaction of batched UNWIND … MERGE statements, so a load (or a
 * reset and reload) is all or nothing. MERGE on stable keys makes a second load change nothing.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../db/database.ts';
import { SeedError } from './errors.ts';
import { DOCUMENT_LABEL, ENTITY_LABEL, PASSAGE_LABEL } from '../model/ontology.ts';
import { MERGE_DOCUMENTS, MERGE_MENTIONS } from '../model/queries.ts';
import type { SeedPlan } from './plan.ts';
import {
  COUNT_FOREIGN_RELATIONSHIPS,
  COUNT_SEED_LABELS,
  COUNT_SEED_TYPES,
  DELETE_SEED,
  MERGE_ENTITIES,
  MERGE_FACTS,
  MERGE_PASSAGES,
} from './queries.ts';

/** Rows per UNWIND statement: large enough for one round trip per kind on the seed. */
export const DEFAULT_BATCH_SIZE = 500;

export interface SeedCounts {
  nodes: number;
  relationships: number;
  labels: Record<string, number>;
  types: Record<string, number>;
}

export interface ResetReport {
  /** Seed nodes deleted (with all their relationships). */
  deletedNodes: number;
  /** Relationships of other data that were attached to seed nodes and went with them. */
  foreignRelationships: number;
}

async function runBatches(
  tx: ManagedTransaction,
  query: string,
  rows: readonly object[],
  params: Record<string, unknown>,
  batchSize: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    const result = await tx.run(query, { ...params, rows: batch });
    const written = Number(result.records[0]?.get('written') ?? 0);
    // A MATCH that finds no endpoint drops its row silently; refuse rather than load a partial graph.
    if (written !== batch.length) {
      throw new SeedError(
        'seed-load-failed',
        `wrote ${written} of ${batch.length} rows for a statement; the transaction was rolled back`,
      );
    }
  }
}

/** Writes the plan in one transaction; with `reset`, first deletes what the seed wrote before. */
export async function writePlan(
  db: Database,
  plan: SeedPlan,
  options: { reset?: boolean; batchSize?: number } = {},
): Promise<ResetReport | undefined> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const params = { seed: plan.seed };
  return db.write(async (tx) => {
    let reset: ResetReport | undefined;
    if (options.reset) {
      const foreign = await tx.run(COUNT_FOREIGN_RELATIONSHIPS, params);
      const deleted = await tx.run(DELETE_SEED, params);
      reset = {
        foreignRelationships: Number(foreign.records[0]?.get('foreign') ?? 0),
        deletedNodes: Number(deleted.records[0]?.get('deleted') ?? 0),
      };
    }
    await runBatches(tx, MERGE_DOCUMENTS, plan.documents, params, batchSize);
    await runBatches(tx, MERGE_PASSAGES, plan.passages, params, batchSize);
    // What other documents added to seed entities and facts is told apart by its passages.
    const withPassages = { ...params, seedPassages: plan.passages.map((p) => p.key) };
    await runBatches(tx, MERGE_ENTITIES, plan.entities, withPassages, batchSize);
    await runBatches(tx, MERGE_MENTIONS, plan.mentions, params, batchSize);
    await runBatches(tx, MERGE_FACTS, plan.facts, withPassages, batchSize);
    return reset;
  });
}

/** Nodes per label and relationships per type that carry the seed's marker. */
export async function countSeed(db: Database, seed: string): Promise<SeedCounts> {
  return db.read(async (tx) => {
    const labels: Record<string, number> = {};
    for (const record of (
      await tx.run<{ label: string; count: unknown }>(COUNT_SEED_LABELS, { seed })
    ).records) {
      labels[record.get('label')] = Number(record.get('count'));
    }
    const types: Record<string, number> = {};
    for (const record of (
      await tx.run<{ type: string; count: unknown }>(COUNT_SEED_TYPES, { seed })
    ).records) {
      types[record.get('type')] = Number(record.get('count'));
    }
    // Every seed node has exactly one of the three base labels.
    const nodes = [ENTITY_LABEL, DOCUMENT_LABEL, PASSAGE_LABEL].reduce(
      (sum, label) => sum + (labels[label] ?? 0),
      0,
    );
    const relationships = Object.values(types).reduce((sum, n) => sum + n, 0);
    return { nodes, relationships, labels, types };
  });
}
