/**
 * Warm-up at start: the first schema read, search and overview of a fresh Neo4j spend seconds
 * planning queries and reading pages from disk, and the first discovery answer reads the whole
 * graph's projection. Running them once before users arrive puts the plans in Neo4j's query
 * cache, the data in its page cache and the projection in the discovery cache and its worker, so
 * no first request waits.
 */
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { Discovery } from './discovery/router.ts';
import { WHOLE_GRAPH } from './discovery/scope.ts';
import { AppError } from './http/problems.ts';
import { readOverview } from './graph/read.ts';
import { readSchemaProfile } from './schema/profile.ts';
import { readSchema, readSchemaFacts } from './schema/read.ts';
import { searchNodes } from './search/search.ts';

/** Graphs up to this size are projected for discovery at start (~100k: a few seconds). */
export const WARM_UP_PROJECTION_MAX_RELATIONSHIPS = 200_000;

/** A query no text contains: the scan looks at everything it would look at for a real one. */
const WARM_UP_QUERY = 'zq0warmup0qz';

/**
 * Runs the costly first reads once; returns how long it took. Failures are the caller's to log,
 * except a graph too large to project, which discovery refuses on request anyway.
 */
export async function warmUp(db: Database, config: Config, discovery?: Discovery): Promise<number> {
  const started = Date.now();
  const timeoutMs = config.limits.queryTimeoutMs * 4;
  const schema = await db.read((tx) => readSchema(tx, db.target.database), timeoutMs);
  const facts = {
    ...(await db.read((tx) => readSchemaFacts(tx), timeoutMs)),
    profile: await db.read((tx) => readSchemaProfile(tx), timeoutMs),
  };
  await searchNodes(
    db,
    facts,
    { query: WARM_UP_QUERY, terms: [WARM_UP_QUERY], labels: null, limit: 1 },
    { timeoutMs, scanLimit: config.limits.searchScanLimit },
  );
  await readOverview(db, facts.profile, timeoutMs);
  // Larger graphs take tens of seconds and hundreds of MB to project: only on request.
  if (discovery && schema.totals.relationships <= WARM_UP_PROJECTION_MAX_RELATIONSHIPS) {
    try {
      // Read by the algorithm worker, which keeps it for the first requests.
      await discovery.cache.get(WHOLE_GRAPH, facts.evidence, facts.profile.dates);
    } catch (error) {
      if (!(error instanceof AppError && error.id === 'query-refused')) throw error;
    }
  }
  return Date.now() - started;
}
