/**
 * Host-header check against DNS rebinding: a page on a domain that later resolves to 127.0.0.1
 * becomes same-origin with a server on loopback, but its requests still carry its own host
 * name. Requests naming a host the configuration does not list are refused with 403
 * `host-not-allowed`; requests without a Host header (HTTP/1.0 tools) pass.
 */
import type { RequestHandler } from 'express';
import { AppError, sendProblem } from '../http/problems.ts';

/** The host name of a Host header value, without port and IPv6 brackets, in lower case. */
export function hostName(header: string): string {
  const value = header.trim().toLowerCase();
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(value);
  if (bracketed) return bracketed[1] ?? '';
  const colon = value.indexOf(':');
  return colon >= 0 && value.indexOf(':', colon + 1) < 0 ? value.slice(0, colon) : value;
}

export function hostCheck(allowed: readonly string[] | null): RequestHandler {
  if (allowed === null) return (_req, _res, next) => next();
  const names = new Set(allowed);
  const listed = [...names].join(', ');
  return (req, res, next) => {
    const header = req.headers.host;
    if (header === undefined || names.has(hostName(header))) {
      next();
      return;
    }
    const refusal = new AppError(
      'host-not-allowed',
      `This server answers for ${listed}, not "${hostName(header)}": set ALLOWED_HOSTS to serve other names.`,
    );
    sendProblem(res, refusal, req.originalUrl);
  };
}
