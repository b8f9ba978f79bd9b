/**
 * What a driver error means for a request, read with the driver's own helpers: its retryable
 * classification for "Neo4j is not there right now", and the GQL diagnostic record for where in
 * a query an error is. Code strings remain only where the driver has no helper of its own.
 */
import neo4j, { isRetryableError, Neo4jError } from 'neo4j-driver';

const DATABASE_NOT_FOUND = 'Neo.ClientError.Database.DatabaseNotFound';
/** Retryable, but a matter of the statement (a deadlock, a lock wait), not of the server. */
const STATEMENT_TRANSIENT = 'Neo.TransientError.Transaction.';
/** Retryable, but a matter of the credentials' lifetime, not of the server. */
const AUTHORIZATION_EXPIRED = 'Neo.ClientError.Security.AuthorizationExpired';

/** `unavailable`: not reachable now, retry shortly; `database-missing`: the target does not exist. */
export type Unavailability = 'unavailable' | 'database-missing';

/** Why Neo4j cannot serve the request, or undefined when the error is about something else. */
export function unavailability(error: unknown): Unavailability | undefined {
  if (!(error instanceof Neo4jError)) return undefined;
  if (error.code === DATABASE_NOT_FOUND) return 'database-missing';
  if (
    isRetryableError(error) &&
    error.code !== AUTHORIZATION_EXPIRED &&
    !error.code.startsWith(STATEMENT_TRANSIENT)
  )
    return 'unavailable';
  return undefined;
}

/** Whether the server stopped a transaction at its time limit. */
export const isTimeout = (error: unknown): boolean =>
  error instanceof Neo4jError && error.code.includes('TransactionTimedOut');

export interface QueryPosition {
  line: number;
  column: number;
  offset: number;
}

/**
 * Where in the query an error is, from the GQL diagnostic record of the error or of the first
 * cause that has one (Neo4j 5.26 sends it over Bolt 5.7+); null when no record carries one.
 */
export function diagnosticPosition(error: unknown): QueryPosition | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; depth += 1) {
    const record = (e as { diagnosticRecord?: { _position?: unknown } }).diagnosticRecord;
    const position = record?._position as
      { line?: unknown; column?: unknown; offset?: unknown } | undefined;
    if (position && position.line != null && position.column != null && position.offset != null) {
      return {
        line: neo4j.integer.toNumber(position.line as number),
        column: neo4j.integer.toNumber(position.column as number),
        offset: neo4j.integer.toNumber(position.offset as number),
      };
    }
    e = e.cause;
  }
  return null;
}
