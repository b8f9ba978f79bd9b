/** GET /api/health: the app's version and whether Neo4j answers (503 when it does not). */
import type { HealthResponse } from '../../common/api.ts';
import { HealthResponseSchema } from '../../common/contract/explorer.ts';
import type { Database } from '../db/database.ts';
import { defineRoute, Reply, type ApiRoute } from '../http/route.ts';
import { APP } from '../version.ts';

/** A health probe must answer quickly even while Neo4j hangs. */
const HEALTH_TIMEOUT_MS = 3_000;

export function healthRoutes(db: Database): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/health',
      summary: 'Application version and whether Neo4j answers',
      response: HealthResponseSchema,
      otherResponses: {
        '503': { description: 'Neo4j not reachable', schema: HealthResponseSchema },
      },
      problems: [],
      offline: true,
      handle: async () => {
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
          return body;
        } catch (error) {
          body.status = 'unavailable';
          body.neo4j.error = (error as { code?: string }).code ?? (error as Error).message;
          return new Reply(503, body, { 'Retry-After': '5' });
        }
      },
    }),
  ];
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
