/**
 * Projections kept between requests, one per part of the graph, and thrown away when the
 * database changes. The algorithm worker reads and holds each graph; this cache keeps what the
 * server's thread knows of it (ids, sizes, memoised answers). Change is detected per request by a cheap fingerprint: the bookmark of a
 * read transaction (it names the last committed transaction, so any write changes it) with the
 * count-store totals; `invalidate()` is the explicit hook for writers in this process.
 */
import type { DateProperty, DiscoveryScope, EvidenceProfile } from '../../common/api.ts';
import type { Database } from '../db/database.ts';
import { toCount } from '../schema/records.ts';
import {
  algorithmWorker,
  type AlgorithmWorker,
  type HeldProjection,
} from './algorithm-worker-client.ts';
import { PROJECTION_CACHE_ENTRIES } from './limits.ts';
import type { ProjectionBounds } from './projection.ts';
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
  projection: Promise<HeldProjection>;
  /** Set once read: the worker's handle, checked before the entry is served again. */
  graph?: number;
}

export interface CachedProjection {
  projection: HeldProjection;
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
    private readonly worker: AlgorithmWorker = algorithmWorker(),
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
    // A graph the worker dropped for newer ones (or lost in a restart) is read again.
    const held = cached?.graph === undefined || this.worker.holds(cached.graph);
    if (cached && cached.fingerprint === fingerprint && held) {
      // Most recently used last, so eviction takes the oldest.
      this.entries.delete(key);
      this.entries.set(key, cached);
      if (cached.graph !== undefined) this.worker.touch(cached.graph);
      return { projection: await cached.projection, fresh: false };
    }
    const projection = this.worker.read({
      target: this.db.target,
      scope,
      evidence,
      dates: [...dates],
      bounds: this.bounds,
      timeoutMs: this.timeoutMs,
    });
    const entry: Entry = { fingerprint, projection };
    void projection.then(
      (read) => {
        entry.graph = read.held.graph;
      },
      () => {},
    );
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
