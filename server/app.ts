/**
 * The Express application: the API under /api, the built client everywhere else.
 * Built from its dependencies so tests run the same app against their own Neo4j.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { cypherRoutes } from './cypher/router.ts';
import { createDiscovery, type Discovery } from './discovery/router.ts';
import { documentsRoutes } from './documents/router.ts';
import { overviewRoutes } from './graph/router.ts';
import { healthRoutes } from './health/router.ts';
import { problemHandler, sendNotFound } from './http/problems.ts';
import { mountRoutes, type ApiRoute } from './http/route.ts';
import type { Logger } from './log.ts';
import { nodesRoutes } from './nodes/router.ts';
import { openapiRoutes } from './openapi/router.ts';
import { pathsRoutes } from './paths/router.ts';
import { relationshipsRoutes } from './relationships/router.ts';
import { SchemaFactsCache } from './schema/facts.ts';
import { Reachability } from './schema/reachability.ts';
import { schemaRoutes } from './schema/router.ts';
import { searchRoutes } from './search/router.ts';
import {
  apiGuards,
  hostCheck,
  outageWatch,
  requestDeadline,
  requestDeadlineMs,
  requestId,
  securityHeaders,
} from './security/index.ts';

export interface AppDeps {
  db: Database;
  config: Config;
  log: Logger;
  /** Folder of the built client; omitted in API-only tests. */
  clientDir?: string | undefined;
  /** Receives the discovery domain, e.g. so the warm-up can fill its projection cache. */
  onDiscovery?: ((discovery: Discovery) => void) | undefined;
}

export function createApp({ db, config, log, clientDir, onDiscovery }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // API answers are not cached by clients: hashing every JSON body for an ETag is wasted work.
  // Static files keep theirs (express.static and sendFile set their own).
  app.set('etag', false);
  app.set('query parser', 'extended');
  // Behind a reverse proxy, rate limits count the client the proxy names, not the proxy.
  if (config.security.trustProxy !== false) app.set('trust proxy', config.security.trustProxy);
  app.use(
    pinoHttp({
      logger: log,
      genReqId: requestId,
      autoLogging: { ignore: (req) => req.url === '/api/health' },
    }),
  );
  app.use(securityHeaders());
  app.use(hostCheck(config.security.allowedHosts));
  // Before body parsing: refused requests (origin, rate, token) are not even read.
  app.use('/api', ...apiGuards(config));
  app.use(
    '/api',
    outageWatch(db),
    requestDeadline(requestDeadlineMs(config.limits.queryTimeoutMs)),
  );
  app.use(express.json({ limit: '1mb' }));

  const facts = new SchemaFactsCache(db, config.limits.queryTimeoutMs);
  const discovery = createDiscovery(db, facts, config);
  onDiscovery?.(discovery);
  const timeoutMs = config.limits.queryTimeoutMs;
  const routes: ApiRoute[] = [
    ...healthRoutes(db),
    ...overviewRoutes(db, facts, timeoutMs),
    ...schemaRoutes(db, config),
    ...searchRoutes(db, facts, config),
    ...nodesRoutes(db, facts, config),
    ...relationshipsRoutes(db, facts, config),
    ...pathsRoutes(db, facts, config),
    ...cypherRoutes(db, config),
    ...discovery.routes,
    ...documentsRoutes(db, config),
  ];
  routes.push(...openapiRoutes(() => routes));
  const api = express.Router();
  // Every route that needs Neo4j checks it is there once, after validating its input.
  mountRoutes(api, routes, new Reachability(db));
  api.use(sendNotFound);
  app.use('/api', api);

  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // Client-side routes (deep links) all load the app shell.
    app.get('/{*path}', (_req, res) => res.sendFile(path.join(clientDir, 'index.html')));
  }
  app.use(problemHandler(log));
  return app;
}
