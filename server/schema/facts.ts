/**
 * A short-lived cache of the schema facts the explorer's routes consult on every request
 * (full-text indexes, relationship types, evidence profile), so they cost one read every few
 * seconds instead of one per request, and still follow a database that changes under the app.
 */
import type { Database } from '../db/database.ts';
import { readSchemaProfile } from './profile.ts';
import { readSchemaFacts, type SchemaFacts } from './read.ts';

export const SCHEMA_FACTS_TTL_MS = 5_000;

export class SchemaFactsCache {
  private entry: { readAt: number; facts: Promise<SchemaFacts> } | undefined;

  constructor(
    private readonly db: Database,
    private readonly timeoutMs: number,
    private readonly ttlMs = SCHEMA_FACTS_TTL_MS,
  ) {}

  /** The current facts; concurrent callers share one read. A failed read is not cached. */
  get(): Promise<SchemaFacts> {
    const now = Date.now();
    if (this.entry && now - this.entry.readAt < this.ttlMs) return this.entry.facts;
    // Two transactions side by side: the label profile is the larger read.
    const facts = Promise.all([
      this.db.read((tx) => readSchemaFacts(tx), this.timeoutMs),
      this.db.read((tx) => readSchemaProfile(tx), this.timeoutMs),
    ]).then(([rest, profile]) => ({ ...rest, profile }));
    const entry = { readAt: now, facts };
    this.entry = entry;
    facts.catch(() => {
      if (this.entry === entry) this.entry = undefined;
    });
    return facts;
  }

  /** Forgets the facts, e.g. after the app itself changed the schema. */
  invalidate(): void {
    this.entry = undefined;
  }
}
