/**
 * Rate limits per client address (IPv6 by /56 subnet, the package's default): one budget for
 * the whole API, a smaller one for the Cypher console and one for writing routes. An exhausted
 * budget answers 429 problem+json with Retry-After and the standard RateLimit headers.
 */
import { rateLimit, type AugmentedRequest, type Options } from 'express-rate-limit';
import type { Request, RequestHandler } from 'express';
import { AppError } from '../http/problems.ts';

export interface RateLimitSettings {
  windowMs: number;
  max: number;
  cypherMax: number;
  writeMax: number;
}

function limiter(
  name: string,
  windowMs: number,
  limit: number,
  skip: (req: Request) => boolean,
): RequestHandler {
  const options: Partial<Options> = {
    windowMs,
    limit,
    skip,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: name,
    // Forwarded-for headers count only from the proxies TRUST_PROXY names; otherwise ignored.
    validate: { xForwardedForHeader: false },
    handler: (req, _res, next) => {
      const reset =
        (req as Partial<AugmentedRequest>).rateLimit?.resetTime?.getTime() ?? Date.now() + windowMs;
      const retryAfter = Math.max(1, Math.ceil((reset - Date.now()) / 1000));
      next(
        new AppError(
          'rate-limited',
          `Too many ${name} requests from this address: at most ${limit} per ${windowMs / 1000} s. Retry in ${retryAfter} s.`,
          { limit, windowSeconds: windowMs / 1000 },
          retryAfter,
        ),
      );
    },
  };
  return rateLimit(options);
}

/** Routes (below /api) no rate limit counts: health is polled by the client and by container checks. */
export const RATE_LIMIT_EXEMPT: ReadonlySet<string> = new Set(['/health']);

/** The API's rate limits, in the order they apply; `isWrite` tells writing requests apart. */
export function rateLimits(
  settings: RateLimitSettings,
  isWrite: (req: Request) => boolean,
): RequestHandler[] {
  return [
    limiter('API', settings.windowMs, settings.max, (req) => RATE_LIMIT_EXEMPT.has(req.path)),
    limiter(
      'Cypher console',
      settings.windowMs,
      settings.cypherMax,
      (req) => !(req.method === 'POST' && req.path === '/cypher'),
    ),
    limiter('writing', settings.windowMs, settings.writeMax, (req) => !isWrite(req)),
  ];
}
