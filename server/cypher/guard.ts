/**
 * The read-only guard of the Cypher console. Three independent layers, any of which refuses:
 * 1. the query text (this module's checkQueryText): one statement, no EXPLAIN/PROFILE, USE,
 *    LOAD CSV or CALL … IN TRANSACTIONS, with a reason a user understands;
 * 2. Neo4j's own plan (checkPlan): EXPLAIN's query type must be "r", no plan operator may load
 *    files, batch-commit, administer or run on another database, and every procedure must be on
 *    the allow-list;
 * 3. the transaction: the query runs in a read transaction, which Neo4j itself forbids to write.
 */
import type { QueryRefusalReason } from '../../common/api.ts';
import { AppError, validationError } from '../http/problems.ts';
import { LexError, tokenize, type Token } from './lexer.ts';
import { ALLOWED_PROCEDURES, ALLOWED_SHOW_OPERATORS } from './procedures.ts';

export function refused(
  reason: QueryRefusalReason,
  detail: string,
  extra: Record<string, unknown> = {},
): AppError {
  return new AppError('query-refused', detail, { reason, ...extra });
}

/** Words that start a clause; the words before the first of them are the query's options. */
const CLAUSE_WORDS = new Set([
  'MATCH',
  'OPTIONAL',
  'RETURN',
  'WITH',
  'UNWIND',
  'CALL',
  'CREATE',
  'MERGE',
  'DELETE',
  'DETACH',
  'SET',
  'REMOVE',
  'FOREACH',
  'LOAD',
  'SHOW',
  'TERMINATE',
  'DROP',
  'ALTER',
  'GRANT',
  'DENY',
  'REVOKE',
  'START',
  'STOP',
  'ENABLE',
  'RENAME',
  'FINISH',
  'FILTER',
  'LET',
  'INSERT',
  'USE',
]);

const isWord = (token: Token | undefined, ...words: string[]) =>
  token?.kind === 'word' && words.includes(token.text);

/** Checks the text of a console query; returns the text to run (without a trailing ";"). */
export function checkQueryText(query: string): string {
  let tokens: Token[];
  try {
    tokens = tokenize(query);
  } catch (error) {
    if (error instanceof LexError) {
      throw new AppError('query-syntax', `The query has an ${error.message}.`, {
        position: positionAt(query, error.offset),
      });
    }
    throw error;
  }
  if (tokens.length === 0) {
    throw validationError([
      { path: 'body.query', message: 'has no statement, only whitespace or comments' },
    ]);
  }

  let end = tokens.length;
  if (tokens[end - 1]?.text === ';') end--;
  const semicolon = tokens.slice(0, end).find((t) => t.kind === 'symbol' && t.text === ';');
  if (semicolon) {
    throw refused(
      'multiple-statements',
      'The console runs one statement per request; this query has more than one (separated by ";").',
      { position: positionAt(query, semicolon.offset) },
    );
  }

  const firstClause = tokens.findIndex((t) => t.kind === 'word' && CLAUSE_WORDS.has(t.text));
  const options = tokens.slice(0, firstClause < 0 ? tokens.length : firstClause);
  const mode = options.find((t) => isWord(t, 'EXPLAIN', 'PROFILE'));
  if (mode) {
    throw refused(
      'explain-profile',
      `${mode.text} is not available in the console: it runs queries and reports their query type and timings itself.`,
      { position: positionAt(query, mode.offset) },
    );
  }

  for (let i = 0; i < end; i++) {
    const token = tokens[i] as Token;
    const previous = tokens[i - 1];
    const next = tokens[i + 1];
    const at = { position: positionAt(query, token.offset) };
    const clauseStart =
      i <= options.length || previous?.text === '{' || isWord(previous, 'UNION', 'ALL');
    if (isWord(token, 'USE') && clauseStart && next?.text !== ':') {
      throw refused(
        'use',
        'USE is not available in the console: queries always run against the configured database.',
        at,
      );
    }
    if (isWord(token, 'LOAD') && isWord(next, 'CSV')) {
      throw refused(
        'load-csv',
        'LOAD CSV is not available in the console: it reads files and URLs.',
        at,
      );
    }
    // CALL { … } IN [[n] CONCURRENT] TRANSACTIONS: IN follows the subquery's closing brace.
    const batches = [next, tokens[i + 2], tokens[i + 3]].some((t) => isWord(t, 'TRANSACTIONS'));
    if (isWord(token, 'IN') && previous?.text === '}' && batches) {
      throw refused(
        'in-transactions',
        'CALL { … } IN TRANSACTIONS is not available in the console: it commits in batches, which only writing needs.',
        at,
      );
    }
  }
  return query.slice(0, tokens[end]?.offset ?? query.length).trimEnd();
}

/** The parts of a plan the guard looks at (the driver's ProfiledPlan/Plan shape). */
export interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

function* operators(plan: PlanNode): Generator<PlanNode> {
  yield plan;
  for (const child of plan.children ?? []) yield* operators(child);
}

/** "ProcedureCall@neo4j" → ["ProcedureCall", "neo4j"]. */
function splitOperator(operatorType: string): [string, string | undefined] {
  const at = operatorType.lastIndexOf('@');
  return at < 0
    ? [operatorType, undefined]
    : [operatorType.slice(0, at), operatorType.slice(at + 1)];
}

/** The procedure name in a ProcedureCall's details, e.g. "db.labels() :: (label :: STRING)". */
export function procedureName(details: unknown): string | null {
  if (typeof details !== 'string') return null;
  const match = /^\s*([\p{L}\p{N}_.`]+)\s*\(/u.exec(details);
  return match ? (match[1] as string).replaceAll('`', '') : null;
}

const QUERY_TYPE_REASON: Record<string, { reason: QueryRefusalReason; what: string }> = {
  w: { reason: 'write', what: 'writes data' },
  rw: { reason: 'write', what: 'reads and writes data' },
  s: { reason: 'schema', what: 'changes the schema or administers the database' },
};

/** Checks EXPLAIN's verdict on a query: its type, its operators and its procedures. */
export function checkPlan(
  queryType: string,
  plan: PlanNode | false | undefined,
  database: string,
): void {
  // Operators first: they name the more specific reason (an admin command is also type "s").
  if (plan) {
    for (const op of operators(plan)) checkOperator(op, database);
  }
  if (queryType !== 'r') {
    const known = QUERY_TYPE_REASON[queryType];
    throw refused(
      known?.reason ?? 'write',
      `The console runs read-only queries; Neo4j plans this one as query type "${queryType}" (${known?.what ?? 'not a read'}).`,
      { queryType },
    );
  }
}

function checkOperator(op: PlanNode, database: string): void {
  const [name, runsOn] = splitOperator(op.operatorType);
  if (
    name === 'AdministrationCommand' ||
    name.startsWith('Terminate') ||
    (name.startsWith('Show') && !ALLOWED_SHOW_OPERATORS.has(name))
  ) {
    throw refused(
      'admin',
      `The console does not run administration commands (plan operator ${name}).`,
    );
  }
  if (runsOn !== undefined && runsOn !== database) {
    throw refused(
      'use',
      `The query would run on "${runsOn}"; the console only reads "${database}".`,
    );
  }
  if (name === 'LoadCSV') {
    throw refused('load-csv', 'LOAD CSV is not available in the console: it reads files and URLs.');
  }
  if (name.startsWith('Transaction')) {
    throw refused(
      'in-transactions',
      'CALL { … } IN TRANSACTIONS is not available in the console: it commits in batches, which only writing needs.',
    );
  }
  if (name.includes('ProcedureCall')) {
    const procedure = procedureName(op.arguments?.Details ?? op.arguments?.details);
    if (procedure === null || !ALLOWED_PROCEDURES.has(procedure)) {
      throw refused(
        'procedure',
        `The procedure ${procedure ?? '(unknown)'} is not on the console's allow-list of read-only procedures.`,
        { procedure },
      );
    }
  }
}

/** 1-based line and column, 0-based offset, of a position in the query. */
export function positionAt(
  query: string,
  offset: number,
): { line: number; column: number; offset: number } {
  const before = query.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1, offset };
}
