/**
 * Security headers for every response (helmet), with a strict content security policy: the
 * built client loads only its own scripts, styles and API; images may also be data: and blob:
 * URLs (the favicon and canvas exports). No inline script or style element is allowed.
 */
import helmet from 'helmet';
import type { RequestHandler } from 'express';

export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries(
        Object.entries(CONTENT_SECURITY_POLICY).map(([name, values]) => [name, [...values]]),
      ),
    },
    // The server speaks plain HTTP on loopback by default; HSTS belongs to a TLS front end.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}
