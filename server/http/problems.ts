/**
 * Typed application errors with stable problem types, and the one middleware that turns any
 * error into an RFC 9457 problem+json response. No stack traces or internals leave the server.
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Problem } from '../../common/api.ts';
import { isTimeout, unavailability } from '../db/errors.ts';

const TYPE_BASE = 'https://summit-graph.dev/problems/';

/** Stable problem ids: clients and tests match on these, never on message text. */
export type ProblemId =
  | 'validation'
  | 'not-found'
  | 'query-refused'
  | 'query-syntax'
  | 'query-timeout'
  | 'database-unavailable'
  | 'payload-too-large'
  | 'unauthorized'
  | 'rate-limited'
  | 'host-not-allowed'
  | 'document-empty'
  | 'document-binary'
  | 'document-encoding'
  | 'document-language'
  | 'document-too-large'
  | 'document-media-type'
  | 'document-metadata'
  | 'document-seed-owned'
  | 'document-write-failed'
  | 'internal';

const STATUS: Record<ProblemId, number> = {
  validation: 400,
  'not-found': 404,
  'query-refused': 422,
  'query-syntax': 400,
  'query-timeout': 504,
  'database-unavailable': 503,
  'payload-too-large': 413,
  unauthorized: 401,
  'rate-limited': 429,
  'host-not-allowed': 403,
  'document-empty': 422,
  'document-binary': 415,
  'document-encoding': 422,
  'document-language': 422,
  'document-too-large': 413,
  'document-media-type': 415,
  'document-metadata': 400,
  'document-seed-owned': 409,
  'document-write-failed': 500,
  internal: 500,
};

const TITLE: Record<ProblemId, string> = {
  validation: 'The request is not valid',
  'not-found': 'Not found',
  'query-refused': 'The query was refused',
  'query-syntax': 'The query has a syntax error',
  'query-timeout': 'The query took too long',
  'database-unavailable': 'The database is unavailable',
  'payload-too-large': 'The request body is too large',
  unauthorized: 'A valid write token is required',
  'rate-limited': 'Too many requests',
  'host-not-allowed': 'This server does not answer for that host name',
  'document-empty': 'The document is empty',
  'document-binary': 'The document is binary, not text',
  'document-encoding': 'The document is not valid UTF-8',
  'document-language': 'The document is not in English',
  'document-too-large': 'The document is over the size limit',
  'document-media-type': 'Unsupported document format',
  'document-metadata': "The document's metadata is not valid",
  'document-seed-owned': 'The document belongs to the seed',
  'document-write-failed': 'The document could not be written',
  internal: 'Internal error',
};

export function problemType(id: ProblemId): string {
  return `${TYPE_BASE}${id}`;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly id: ProblemId,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
  }

  get status(): number {
    return STATUS[this.id];
  }

  toProblem(instance?: string): Problem {
    return {
      type: problemType(this.id),
      title: TITLE[this.id],
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...this.extensions,
    };
  }
}

export const notFound = (detail: string) => new AppError('not-found', detail);

export function validationError(errors: { path: string; message: string }[]): AppError {
  const detail = errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
  return new AppError('validation', detail, { errors });
}

/** Maps driver errors that mean "Neo4j is not there" to 503; everything else passes through. */
export function fromDriverError(error: unknown): unknown {
  const why = unavailability(error);
  if (why) {
    const detail =
      why === 'database-missing'
        ? 'The configured Neo4j database does not exist.'
        : 'Neo4j is not reachable right now; retry shortly.';
    return new AppError('database-unavailable', detail, {}, 5);
  }
  if (isTimeout(error)) {
    return new AppError(
      'query-timeout',
      'The query exceeded the server-side time limit and was stopped.',
    );
  }
  return error;
}

export const sendNotFound: RequestHandler = (req, _res, next) => {
  next(notFound(`No route ${req.method} ${req.path}.`));
};

/** The single error middleware: every error becomes problem+json. */
export function problemHandler(log: {
  error: (obj: object, msg: string) => void;
}): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    let appError = fromDriverError(error);
    const bodyError = error as { type?: string; status?: number };
    if (!(appError instanceof AppError)) {
      if (bodyError.type === 'entity.too.large') {
        appError = new AppError('payload-too-large', 'The request body exceeds the size limit.');
      } else if (bodyError.type === 'entity.parse.failed') {
        appError = new AppError('validation', 'The request body is not valid JSON.');
      } else {
        log.error({ err: error, url: req.originalUrl }, 'unhandled error');
        appError = new AppError('internal', 'An unexpected error occurred; it has been logged.');
      }
    }
    // Already answered (e.g. 503 by the outage watch): the late result or error is dropped.
    if (res.headersSent) return;
    sendProblem(res, appError as AppError, req.originalUrl);
  };
}

/** Sends an AppError as problem+json (with Retry-After when it has one). */
export function sendProblem(res: Response, error: AppError, instance: string): void {
  const problem = error.toProblem(instance);
  if (error.retryAfterSeconds) res.setHeader('Retry-After', String(error.retryAfterSeconds));
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}
