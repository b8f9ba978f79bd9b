/**
 * The request pipeline's protective layers, in the order app.ts mounts them under /api:
 * CORS → rate limits → write token; then body parsing, validation and the routes themselves.
 */
import type { RequestHandler } from 'express';
import type { Config } from '../config.ts';
import { corsPolicy } from './cors.ts';
import { rateLimits } from './rate-limit.ts';
import { guardWrites, needsWriteToken } from './write-token.ts';

export { securityHeaders } from './headers.ts';
export { hostCheck } from './host.ts';
export { outageWatch } from './outage.ts';
export { requestDeadline, requestDeadlineMs } from './deadline.ts';
export { requestId } from './request-id.ts';
export { requireWriteToken } from './write-token.ts';

/** CORS, rate limits and the write-token guard for everything under /api. */
export function apiGuards(config: Config): RequestHandler[] {
  const { corsOrigins, rateLimit, writeToken } = config.security;
  return [
    corsPolicy(corsOrigins),
    ...rateLimits(rateLimit, needsWriteToken),
    guardWrites(writeToken),
  ];
}
