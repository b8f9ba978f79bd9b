/**
 * Neo4j's errors for a console query, as problems: syntax and semantic errors with their position
 * in the submitted text (from the GQL diagnostic record, or the message text on servers that send
 * none), read-only violations as refusals, other statement errors as 400s naming
 * Neo4j's code. Errors that are not about the query (unavailable, timeout) pass through to
 * fromDriverError.
 */
import { diagnosticPosition, type QueryPosition } from '../db/errors.ts';
import { AppError } from '../http/problems.ts';
import { refused } from './guard.ts';

const POSITION = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/;

/**
 * A position Neo4j reports, moved back by the `prefix` the server put before the query on its
 * first line (e.g. "EXPLAIN "); null when it points nowhere.
 */
export function withoutPrefix(position: QueryPosition, prefixLength = 0): QueryPosition | null {
  const { line, column, offset } = position;
  if (line < 1) return null;
  return {
    line,
    column: line === 1 ? Math.max(1, column - prefixLength) : column,
    offset: Math.max(0, offset - prefixLength),
  };
}

/** The position written in Neo4j's message text, for servers that send no diagnostic record. */
export function errorPosition(message: string, prefixLength = 0): QueryPosition | null {
  const match = POSITION.exec(message);
  if (!match) return null;
  const position = { line: Number(match[1]), column: Number(match[2]), offset: Number(match[3]) };
  return withoutPrefix(position, prefixLength);
}

/**
 * Where a query error is: from the error's GQL diagnostic record when the server sends one with
 * a position, else read from the message text.
 */
export function queryErrorPosition(
  error: unknown,
  message: string,
  prefixLength = 0,
): QueryPosition | null {
  const recorded = diagnosticPosition(error);
  return recorded ? withoutPrefix(recorded, prefixLength) : errorPosition(message, prefixLength);
}

/**
 * Neo4j's message without the echoed query and caret lines that follow the first line, and
 * without its position, which counts the server's prefix (the `position` extension does not).
 */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(POSITION, '').trim();
}

export function fromQueryError(error: unknown, prefixLength = 0): unknown {
  const code = (error as { code?: unknown }).code;
  const message = (error as { message?: unknown }).message;
  if (typeof code !== 'string' || typeof message !== 'string') return error;
  const detail = firstLine(message);
  if (message.includes('Expected exactly one statement per query')) {
    return refused(
      'multiple-statements',
      'The console runs one statement per request; this query has more than one.',
    );
  }
  if (
    code === 'Neo.ClientError.Statement.AccessMode' ||
    code === 'Neo.ClientError.Transaction.ForbiddenDueToTransactionType'
  ) {
    return refused(
      'write',
      'The console runs read-only queries; Neo4j refused this one as a write.',
    );
  }
  if (
    code === 'Neo.ClientError.Statement.UnsupportedAdministrationCommand' ||
    code.startsWith('Neo.ClientError.Security.')
  ) {
    return refused('admin', `The console does not run administration commands: ${detail}`);
  }
  if (
    code === 'Neo.ClientError.Statement.SyntaxError' ||
    code === 'Neo.ClientError.Statement.SemanticError'
  ) {
    return new AppError('query-syntax', detail, {
      code,
      position: queryErrorPosition(error, message, prefixLength),
    });
  }
  if (
    code.startsWith('Neo.ClientError.Statement.') ||
    code.startsWith('Neo.ClientError.Procedure.')
  ) {
    return new AppError('validation', `Neo4j rejected the query: ${detail}`, { code });
  }
  return error;
}
