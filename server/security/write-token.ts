/**
 * Writing routes need `Authorization: Bearer <token>`. Guarding is deny-by-default: every
 * request under /api with a method that may change state needs the token, except the few POST
 * routes that only read (listed here), so a writing route added later is protected without
 * remembering to protect it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { AppError } from '../http/problems.ts';

/** Methods that never change state (RFC 9110 "safe"). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * POST routes (paths under /api) that only read, each taking a list too long for a query string:
 * the Cypher console runs read-only queries, resolving a saved view's references reads, and so
 * does the centrality of a canvas's nodes.
 */
export const READ_ONLY_POSTS: ReadonlySet<string> = new Set([
  '/cypher',
  '/nodes/resolve',
  '/discovery/centrality/members',
]);

export const WWW_AUTHENTICATE = 'Bearer realm="summit-graph"';

/** SHA-256 first, so both sides have the same length and the comparison leaks no length. */
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Compares a presented token with the configured one in time independent of their contents. */
export function tokenMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1];
}

export class UnauthorizedError extends AppError {
  constructor(detail: string, error: 'invalid_request' | 'invalid_token' | undefined) {
    super('unauthorized', detail);
    this.challenge = error ? `${WWW_AUTHENTICATE}, error="${error}"` : WWW_AUTHENTICATE;
  }
  readonly challenge: string;
}

/**
 * Refuses a request with 401 unless it carries the write token. With no token configured the
 * server has no writer at all and every writing request is refused.
 */
export function requireWriteToken(token: string | undefined): RequestHandler {
  return (req, res, next) => {
    const presented = bearerToken(req.get('authorization'));
    let refusal: UnauthorizedError | undefined;
    if (token === undefined) {
      refusal = new UnauthorizedError(
        'Writing is disabled on this server: no WRITE_TOKEN is configured.',
        undefined,
      );
    } else if (presented === undefined) {
      refusal = new UnauthorizedError(
        'This route changes data: send the write token as "Authorization: Bearer <token>".',
        req.get('authorization') === undefined ? undefined : 'invalid_request',
      );
    } else if (!tokenMatches(presented, token)) {
      refusal = new UnauthorizedError('The write token is not valid.', 'invalid_token');
    }
    if (refusal) {
      res.setHeader('WWW-Authenticate', refusal.challenge);
      next(refusal);
      return;
    }
    next();
  };
}

/** Whether a request (path relative to /api) may change state and so needs the token. */
export function needsWriteToken(req: Pick<Request, 'method' | 'path'>): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  return !(req.method === 'POST' && READ_ONLY_POSTS.has(req.path));
}

/** Applies requireWriteToken to every request that may change state (see the module comment). */
export function guardWrites(token: string | undefined): RequestHandler {
  const require = requireWriteToken(token);
  return (req, res, next) => {
    if (needsWriteToken(req)) require(req, res, next);
    else next();
  };
}
