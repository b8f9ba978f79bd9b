/**
 * Neo4j going away must not leave requests hanging. New requests already fail fast (each route
 * checks reachability first), but a request in flight when Neo4j dies sits in the driver's
 * managed-transaction retries, which with their back-off last several seconds. This watchdog
 * probes Neo4j whenever a request has been waiting a while and, if the probe finds it gone,
 * answers every waiting request with 503 at once. The abandoned work ends on its own; what it
 * tries to send afterwards is dropped (problemHandler ignores answered responses).
 */
import type { RequestHandler } from 'express';
import type { Database } from '../db/database.ts';
import { AppError, fromDriverError, sendProblem } from '../http/problems.ts';

const STOPPED_ANSWERING = new AppError(
  'database-unavailable',
  'Neo4j stopped answering while this request was running; retry shortly.',
  {},
  5,
);

export interface OutageWatchOptions {
  /** How long a request waits before its first probe, and between probes. */
  checkEveryMs: number;
  /**
   * A probe without an answer after this long counts as Neo4j gone. Generous: a refused or
   * dropped connection fails at once, while a busy machine can be slow to answer.
   */
  probeTimeoutMs: number;
  /** A probe result is shared by every request for this long. */
  probeReuseMs: number;
}

export const OUTAGE_WATCH_DEFAULTS: OutageWatchOptions = {
  checkEveryMs: 250,
  probeTimeoutMs: 3_000,
  probeReuseMs: 200,
};

/** Routes that answer without Neo4j, or report its absence themselves. */
const UNWATCHED = new Set(['/health', '/openapi.json']);

/** Whether Neo4j answers, asked at most once at a time however many requests wait. */
export class ReachabilityProbe {
  private last: { at: number; reachable: boolean } | undefined;
  private inFlight: Promise<boolean> | undefined;

  constructor(
    private readonly db: Database,
    private readonly options: OutageWatchOptions,
  ) {}

  reachable(): Promise<boolean> {
    if (this.last && Date.now() - this.last.at < this.options.probeReuseMs) {
      return Promise.resolve(this.last.reachable);
    }
    this.inFlight ??= this.probe().then((reachable) => {
      this.last = { at: Date.now(), reachable };
      this.inFlight = undefined;
      return reachable;
    });
    return this.inFlight;
  }

  private async probe(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.options.probeTimeoutMs);
    });
    try {
      const answer = await Promise.race([this.db.serverInfo().then(() => 'up'), timeout]);
      return answer === 'up';
    } catch (error) {
      // Only "not there" counts; other failures (e.g. credentials) are the routes' to report.
      return !(fromDriverError(error) instanceof AppError);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Middleware for /api: answers a waiting request with 503 as soon as a probe finds Neo4j gone. */
export function outageWatch(
  db: Database,
  options: OutageWatchOptions = OUTAGE_WATCH_DEFAULTS,
): RequestHandler {
  const probe = new ReachabilityProbe(db, options);
  return (req, res, next) => {
    if (UNWATCHED.has(req.path)) {
      next();
      return;
    }
    const timer = setInterval(() => {
      void probe.reachable().then((reachable) => {
        if (reachable || res.headersSent || res.writableEnded) return;
        clearInterval(timer);
        req.log.warn('Neo4j is gone: answering the waiting request with 503');
        sendProblem(res, STOPPED_ANSWERING, req.originalUrl);
      });
    }, options.checkEveryMs);
    const done = () => clearInterval(timer);
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}
