/**
 * Cross-origin access to the API: closed unless CORS_ORIGINS lists the origin. Disallowed
 * origins get no Access-Control-* headers, so browsers keep the response from their scripts.
 * The API uses no cookies, so credentials are never allowed.
 */
import cors from 'cors';
import type { RequestHandler } from 'express';

const PREFLIGHT_MAX_AGE_SECONDS = 600;

export function corsPolicy(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins.map((origin) => origin.toLowerCase()));
  return cors({
    origin: (origin, callback) => callback(null, !!origin && allowed.has(origin.toLowerCase())),
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'RateLimit', 'RateLimit-Policy'],
    credentials: false,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  });
}
