/** Seed graph entry points used by `npm start` (first start) and `npm run seed`. */
import type { Database } from '../db/database.ts';

export interface SeedSummary {
  nodes: number;
  relationships: number;
  ms: number;
}

/** Loads the seed graph when the database has no nodes; returns undefined when it had data. */
export async function seedIfEmpty(_db: Database): Promise<SeedSummary | undefined> {
  return undefined;
}
