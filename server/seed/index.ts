/** Seed graph entry points used by `npm start` (first start) and `npm run seed`. */
import type { Database } from '../db/database.ts';
import { DEFAULT_SEED_FILE, readSeedFile } from './file.ts';
import { applySchema } from '../model/schema.ts';
import { countSeed, writePlan, type ResetReport, type SeedCounts } from './load.ts';
import { HAS_ANY_NODE } from './queries.ts';
import { planSeed } from './plan.ts';

export interface SeedSummary extends SeedCounts {
  /** Wall time of the whole load: read and validate, schema, data, count. */
  ms: number;
  timings: { validateMs: number; schemaMs: number; dataMs: number };
  seed: string;
  file: string;
  reset?: ResetReport;
}

export interface LoadSeedOptions {
  file?: string;
  /** Delete what this seed wrote before (and what was attached to it), then load, atomically. */
  reset?: boolean;
}

/**
 * Validates the seed file (throwing SeedValidationError before anything is written), then writes
 * schema and data. Safe to repeat: a second load changes no counts.
 */
export async function loadSeed(db: Database, options: LoadSeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const seed = readSeedFile(options.file ?? DEFAULT_SEED_FILE);
  const plan = planSeed(seed);
  const validated = performance.now();
  await applySchema(db);
  const schemaDone = performance.now();
  const reset = await writePlan(db, plan, { reset: options.reset ?? false });
  const dataDone = performance.now();
  const counts = await countSeed(db, seed.name);
  return {
    ...counts,
    ms: Math.round(performance.now() - started),
    timings: {
      validateMs: Math.round(validated - started),
      schemaMs: Math.round(schemaDone - validated),
      dataMs: Math.round(dataDone - schemaDone),
    },
    seed: seed.name,
    file: seed.file,
    ...(reset ? { reset } : {}),
  };
}

/** Loads the seed graph when the database has no nodes; returns undefined when it had data. */
export async function seedIfEmpty(db: Database): Promise<SeedSummary | undefined> {
  const hasNodes = await db.read(async (tx) => {
    const result = await tx.run(HAS_ANY_NODE);
    return result.records[0]?.get('hasNodes') === true;
  });
  if (hasNodes) return undefined;
  return loadSeed(db);
}
