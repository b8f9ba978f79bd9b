/**
 * A last bound on every API request: whatever a route waits for, the client has an answer
 * (504 problem) after the deadline. Routes bound their own queries with the server-side query
 * timeout; this catches the ones that do not, and waits the driver has no timeout for.
 */
import type { RequestHandler } from 'express';
import { AppError, sendProblem } from '../http/problems.ts';

/** Slack beyond the longest legitimate wait: a console query that queued, then ran to its timeout. */
const DEADLINE_SLACK_MS = 5_000;

/** The deadline for a query timeout: two full queries (queue, then run) and the slack. */
export function requestDeadlineMs(queryTimeoutMs: number): number {
  return 2 * queryTimeoutMs + DEADLINE_SLACK_MS;
}

export function requestDeadline(deadlineMs: number): RequestHandler {
  const overdue = new AppError(
    'query-timeout',
    `The request took longer than the server's limit of ${Math.round(deadlineMs / 1000)} s; retry later or narrow it.`,
  );
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent || res.writableEnded) return;
      req.log.warn({ deadlineMs }, 'request deadline passed: answering 504');
      sendProblem(res, overdue, req.originalUrl);
    }, deadlineMs);
    const done = () => clearTimeout(timer);
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}
