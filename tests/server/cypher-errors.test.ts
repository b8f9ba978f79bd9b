/**
 * Driver errors read with the driver's own helpers: a syntax error's position from the GQL
 * diagnostic record (the message text only when no record carries one), and "Neo4j is not
 * there" from the retryable classification. Checked on errors built as the driver builds them
 * and on what a real Neo4j 5.26 sends.
 */
import neo4j, { Neo4jError } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPosition, fromQueryError, queryErrorPosition } from '../../server/cypher/errors.ts';
import type { Database } from '../../server/db/database.ts';
import { diagnosticPosition, unavailability } from '../../server/db/errors.ts';
import { AppError, fromDriverError } from '../../server/http/problems.ts';
import { openTestDatabase } from '../support/neo4j.ts';

const SYNTAX = 'Neo.ClientError.Statement.SyntaxError';
const BASE_RECORD = { OPERATION: '', OPERATION_CODE: '0', CURRENT_SCHEMA: '/' };

/** A driver error as the driver makes it: message, code, GQL status, record, cause. */
function newError(
  message: string,
  code: string,
  cause?: Error,
  gqlStatus = '50N42',
  description = 'error: general processing exception',
  record: Neo4jError['diagnosticRecord'] = BASE_RECORD,
): Neo4jError {
  return new Neo4jError(message, code, gqlStatus, description, record, cause);
}

/** A syntax error as the driver makes it from a GQL failure, with a position in its record. */
function gqlSyntaxError(
  message: string,
  position: { line: number; column: number; offset: number },
) {
  return newError(
    message,
    SYNTAX,
    undefined,
    '42001',
    'error: syntax error or access rule violation',
    {
      ...BASE_RECORD,
      _position: {
        line: neo4j.int(position.line),
        column: neo4j.int(position.column),
        offset: neo4j.int(position.offset),
      },
    },
  );
}

function positionOf(error: unknown): unknown {
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).id).toBe('query-syntax');
  return (error as AppError).extensions.position;
}

describe('the position of a syntax error', () => {
  it('comes from the diagnostic record, moved back by the server prefix', () => {
    // The message states no position at all: only the record can have given it.
    const error = gqlSyntaxError("Invalid input 'RETURN': expected ')'", {
      line: 1,
      column: 18,
      offset: 17,
    });
    expect(positionOf(fromQueryError(error, 'EXPLAIN '.length))).toEqual({
      line: 1,
      column: 10,
      offset: 9,
    });
  });

  it('prefers the record to a position in the message text', () => {
    const error = gqlSyntaxError('Variable `m` not defined (line 9, column 9 (offset: 99))', {
      line: 2,
      column: 8,
      offset: 25,
    });
    expect(positionOf(fromQueryError(error, 8))).toEqual({ line: 2, column: 8, offset: 17 });
  });

  it('reads a record carried by the cause (a GQL error wrapping the detailed one)', () => {
    const cause = gqlSyntaxError('Invalid input', { line: 1, column: 4, offset: 3 });
    const outer = newError(
      'Syntax error',
      SYNTAX,
      cause,
      '42001',
      'error: syntax error',
      BASE_RECORD,
    );
    expect(diagnosticPosition(outer)).toEqual({ line: 1, column: 4, offset: 3 });
  });

  it('falls back to the message text when the record has no position', () => {
    const error = newError(
      "Invalid input '': expected an expression (line 1, column 19 (offset: 18))",
      SYNTAX,
    );
    expect(diagnosticPosition(error)).toBeNull();
    expect(positionOf(fromQueryError(error, 8))).toEqual({ line: 1, column: 11, offset: 10 });
  });
});

describe('what Neo4j is not there means', () => {
  const classify = (code: string) => unavailability(newError('x', code));

  it('takes the driver’s retryable classification for connection and availability errors', () => {
    expect(classify('ServiceUnavailable')).toBe('unavailable');
    expect(classify('SessionExpired')).toBe('unavailable');
    expect(classify('Neo.TransientError.General.DatabaseUnavailable')).toBe('unavailable');
    expect(classify('Neo.ClientError.Database.DatabaseNotFound')).toBe('database-missing');
  });

  it('leaves statement errors, retryable or not, and non-driver errors to the caller', () => {
    expect(classify('Neo.TransientError.Transaction.DeadlockDetected')).toBeUndefined();
    expect(classify('Neo.ClientError.Security.AuthorizationExpired')).toBeUndefined();
    expect(classify(SYNTAX)).toBeUndefined();
    expect(unavailability({ code: 'ServiceUnavailable' })).toBeUndefined();
    expect(unavailability(new Error('ServiceUnavailable'))).toBeUndefined();
  });

  it('answers 503 with a retry hint for them', () => {
    const problem = fromDriverError(newError('gone', 'ServiceUnavailable'));
    expect(problem).toBeInstanceOf(AppError);
    expect((problem as AppError).id).toBe('database-unavailable');
    expect((problem as AppError).retryAfterSeconds).toBe(5);
  });
});

describe('against a real Neo4j', () => {
  let db: Database;
  beforeAll(() => {
    db = openTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('finds the position of a real syntax error, from the record or else the text', async () => {
    const error = await db.read((tx) => tx.run('EXPLAIN MATCH (n)\nRETURN m')).catch((e) => e);
    expect(error).toBeInstanceOf(Neo4jError);
    const { message } = error as Neo4jError;
    // Neo4j 5.26 sends a record without a position here: the text gives it.
    const expected = diagnosticPosition(error) ?? errorPosition(message);
    expect(expected).toEqual({ line: 2, column: 8, offset: 25 });
    expect(queryErrorPosition(error, message, 8)).toEqual({ line: 2, column: 8, offset: 17 });
  });
});
