/**
 * Projections kept between requests, one per part of the graph, and thrown away when the
 * database changes. Change is detected per request by a cheap fingerprint: the bookmark of a
 * read transaction (it names the last committed transaction, so any write changes it) with the
 * count-store totals; `invalidate()` is the explicit hook for writers in this process.
 */
import type { DateProperty, DiscoveryScope, EvidenceProfile } from '../../common/api.ts';
import type { Database } from '../db/database.ts';
import { toCount } from '../schema/records.ts';
import { PROJECTION_CACHE_ENTRIES } from './limits.ts';
import { readProjection, type Projection, type ProjectionBounds } from './projection.ts';
import { FINGERPRINT_QUERY } from './queries.ts';
import { scopeKey } from './scope.ts';

/**
 * The database's state in one string. Uses a session of its own (not Database.read) because the
 * bookmark is a session property.
 */
export async function readFingerprint(db: Database, timeoutMs: number): Promise<string> {
  return db.withSession({ mode: 'READ' }, async (session) => {
    const counts = await session.executeRead((tx) => tx.run(FINGERPRINT_QUERY), {
      timeout: timeoutMs,
    });
    const record = counts.records[0];
    const totals = `${toCount(record?.get('nodes'))}/${toCount(record?.get('relationships'))}`;
    return `${session.lastBookmarks().join(',')}|${totals}`;
  });
}

interface Entry {
  fingerprint: string;
  projection: Promise<Projection>;
}

export interface CachedProjection {
  projection: Projection;
  /** Read for this request rather than served from the cache. */
  fresh: boolean;
}

export class ProjectionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Database,
    private readonly bounds: ProjectionBounds,
    private readonly timeoutMs: number,
    private readonly capacity = PROJECTION_CACHE_ENTRIES,
  ) {}

  /** The projection of `scope` as the database is now; concurrent callers share one read. */
  async get(
    scope: DiscoveryScope,
    evidence: EvidenceProfile,
    dates: readonly DateProperty[],
  ): Promise<CachedProjection> {
    const key = scopeKey(scope);
    const fingerprint = `${await readFingerprint(this.db, this.timeoutMs)}|${JSON.stringify([evidence, dates])}`;
    const cached = this.entries.get(key);
    if (cached && cached.fingerprint === fingerprint) {
      // Most recently used last, so eviction takes the oldest.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return { projection: await cached.projection, fresh: false };
    }
    const projection = readProjection(this.db, scope, evidence, dates, this.bounds, this.timeoutMs);
    const entry = { fingerprint, projection };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    projection.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return { projection: await projection, fresh: true };
  }

  /** Forgets every projection, e.g. after an ingestion in this process wrote to the graph. */
  invalidate(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
