/** GET /api/health: the app's version and whether Neo4j answers (503 when it does not). */
import { Router } from 'express';
import type { HealthResponse } from '../../common/api.ts';
import type { Database } from '../db/database.ts';
import { APP } from '../version.ts';

/** A health probe must answer quickly even while Neo4j hangs. */
const HEALTH_TIMEOUT_MS = 3_000;

export function healthRouter(db: Database): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const body: HealthResponse = {
      status: 'ok',
      app: APP,
      neo4j: { reachable: false, uri: redactUri(db.target.uri), database: db.target.database },
    };
    try {
      const facts = await withTimeout(db.serverFacts(), HEALTH_TIMEOUT_MS);
      body.neo4j = {
        ...body.neo4j,
        reachable: true,
        version: facts.version,
        edition: facts.edition,
      };
      res.json(body);
    } catch (error) {
      body.status = 'unavailable';
      body.neo4j.error = (error as { code?: string }).code ?? (error as Error).message;
      res.status(503).setHeader('Retry-After', '5').json(body);
    }
  });
  return router;
}

/** Strips any user info from a URI before it is shown. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//');
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
