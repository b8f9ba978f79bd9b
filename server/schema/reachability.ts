/**
 * Answers "is Neo4j there?" in well under a millisecond when it is, and at once when it is not.
 * The managed transactions of the database gateway retry a refused connection for seconds
 * before giving up; checking the connection pool first (no retries) turns an outage into an
 * immediate 503 instead. A success is trusted for a short while, so the check costs nothing on
 * a busy server.
 */
import type { Database } from '../db/database.ts';
import { fromDriverError } from '../http/problems.ts';

/** How long a successful check is trusted. */
export const REACHABLE_TRUST_MS = 1_000;

export class Reachability {
  private confirmedAt = 0;

  constructor(private readonly db: Database) {}

  /** Resolves when Neo4j answers; otherwise throws the 503 problem (database-unavailable). */
  async ensure(): Promise<void> {
    if (Date.now() - this.confirmedAt < REACHABLE_TRUST_MS) return;
    try {
      await this.db.serverInfo();
      this.confirmedAt = Date.now();
    } catch (error) {
      this.confirmedAt = 0;
      throw fromDriverError(error);
    }
  }

  /** Forgets the last success, e.g. after a request failed with "unavailable". */
  distrust(): void {
    this.confirmedAt = 0;
  }
}
