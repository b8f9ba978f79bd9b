/**
 * Console input and failures in plain words: parameters parsed from JSON, and every problem the
 * Cypher endpoint can answer with explained for a person, with the position of syntax errors.
 */
import type { CypherPosition, Problem, QueryRefusalReason } from '../../../common/api.ts';
import type { EncodedValue } from '../../../common/values.ts';

export type ParsedParams =
  { ok: true; params: Record<string, EncodedValue> } | { ok: false; message: string };

/** Parameters as a JSON object; integral numbers are sent as Cypher integers. */
export function parseParams(text: string): ParsedParams {
  if (text.trim() === '') return { ok: true, params: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Parameters are not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      message: 'Parameters must be a JSON object, such as {"name": "value"}.',
    };
  }
  return { ok: true, params: value as Record<string, EncodedValue> };
}

const REFUSALS: Record<QueryRefusalReason, string> = {
  write: 'The console only reads: this query would change the data.',
  schema: 'The console only reads: this query would change indexes or constraints.',
  admin: 'The console does not run administration commands.',
  'load-csv': 'The console does not load files (LOAD CSV).',
  'multiple-statements': 'Run one statement at a time.',
  use: 'The console always queries the configured database; USE is not allowed.',
  'in-transactions': 'CALL … IN TRANSACTIONS writes in batches, which the console does not do.',
  procedure: 'This procedure is not on the list the console may call.',
  'explain-profile': 'EXPLAIN and PROFILE are not available in the console.',
  empty: 'Type a query first.',
};

export interface ConsoleFailure {
  kind: string;
  title: string;
  detail: string;
  position?: CypherPosition;
}

export function explainFailure(
  status: number,
  problem: Problem | undefined,
  fallback: string,
): ConsoleFailure {
  const kind = problem?.type.split('/').pop() ?? (status === 0 ? 'network' : 'error');
  const detail = problem?.detail ?? fallback;
  const position = problem?.position as CypherPosition | null | undefined;
  switch (kind) {
    case 'query-refused': {
      const reason = problem?.reason as QueryRefusalReason | undefined;
      return {
        kind,
        title: (reason && REFUSALS[reason]) ?? 'The query was refused.',
        detail,
        ...(position ? { position } : {}),
      };
    }
    case 'query-syntax':
      return {
        kind,
        title: position
          ? `Syntax error at line ${position.line}, column ${position.column}.`
          : 'Syntax error.',
        detail,
        ...(position ? { position } : {}),
      };
    case 'query-timeout':
      return {
        kind,
        title: 'The query took too long and was stopped.',
        detail: `${detail} Add a LIMIT or narrow the MATCH.`,
      };
    case 'database-unavailable':
      return { kind, title: 'The database is unavailable right now.', detail };
    case 'network':
      return { kind, title: 'The server cannot be reached.', detail };
    default:
      return { kind, title: problem?.title ?? 'The query failed.', detail };
  }
}
