/**
 * Request ids: a well-formed X-Request-Id from the caller is kept (so ids follow a request
 * through proxies), anything else is replaced by a fresh UUID. The id is logged with every line
 * of the request and sent back in X-Request-Id.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'X-Request-Id';
const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/;

/** pino-http's genReqId: the id for a request, also set on the response. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && WELL_FORMED.test(given) ? given : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}
