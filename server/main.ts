/**
 * `npm start`: validates the configuration, brings up Neo4j (the managed local one when
 * NEO4J_URI is unset, seeded on first start), serves the API and the client, and shuts down
 * gracefully on SIGINT/SIGTERM.
 */
import path from 'node:path';
import type { Server } from 'node:http';
import { LocalNeo4jError } from './neo4j/errors.ts';
import { REPO_ROOT } from './neo4j/constants.ts';
import { createApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { Database } from './db/database.ts';
import { resolveTarget } from './db/target.ts';
import { createLogger } from './log.ts';
import { SeedError } from './seed/errors.ts';
import { seedIfEmpty } from './seed/index.ts';
import { localWriteToken } from './security/local-token.ts';
import { algorithmWorker } from './discovery/algorithm-worker-client.ts';
import type { Discovery } from './discovery/router.ts';
import { warmUp } from './warm-up.ts';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const bootStarted = Date.now();
  const config = withLocalWriteToken(loadConfig());
  const log = createLogger(config.logLevel);
  const { target, local } = await resolveTarget(config, (line) => log.info(line));
  if (local) log.info({ uri: target.uri, ...local }, 'managed local Neo4j ready');
  const db = new Database(target);

  try {
    await db.verifyConnectivity();
    if (config.seedOnFirstStart) {
      const seeded = await seedIfEmpty(db);
      if (seeded) log.info(seeded, 'seed graph loaded into the empty database');
    }
  } catch (error) {
    // Serve anyway: /api/health reports 503 and requests recover once Neo4j answers.
    if (error instanceof SeedError) log.error({ err: error }, 'the seed graph was not loaded');
    else
      log.warn({ err: error }, 'Neo4j is not reachable at start-up; serving with 503 until it is');
  }

  let discovery: Discovery | undefined;
  const app = createApp({
    db,
    config,
    log,
    clientDir: path.join(REPO_ROOT, 'dist', 'client'),
    onDiscovery: (d) => (discovery = d),
  });
  const server: Server = app.listen(config.http.port, config.http.host, () => {
    log.info(
      { url: `http://${config.http.host}:${config.http.port}`, bootMs: Date.now() - bootStarted },
      'Summit Graph is listening',
    );
  });
  // Warm Neo4j's plan and page caches while the first user is still loading the page.
  warmUp(db, config, discovery).then(
    (ms) => log.info({ warmUpMs: ms }, 'warm-up done'),
    (error: unknown) => log.warn({ err: error }, 'warm-up failed; first requests may be slow'),
  );
  server.on('error', (error) => {
    log.fatal({ err: error }, 'HTTP server failed');
    process.exit(1);
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      log.warn('grace period over; closing remaining connections');
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      // The algorithm worker closes its own connections to Neo4j before it stops.
      void Promise.all([db.close(), algorithmWorker().close()]).then(() => {
        log.info('stopped');
        process.exit(0);
      });
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/**
 * The local default (managed Neo4j, no WRITE_TOKEN) gets a generated write token, kept in the
 * local state and printed once per start on stdout, outside the structured log.
 */
function withLocalWriteToken(config: Config): Config {
  if (config.security.writeToken !== undefined || config.neo4j.kind !== 'local') return config;
  const { token, file, created } = localWriteToken();
  process.stdout.write(
    `Write token (${created ? 'generated, stored' : 'stored'} in ${path.relative(REPO_ROOT, file)}): ${token}\n`,
  );
  return { ...config, security: { ...config.security, writeToken: token } };
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else if (error instanceof LocalNeo4jError) {
    process.stderr.write(`Could not start the local Neo4j [${error.id}]: ${error.message}\n`);
    if (error.logTail)
      process.stderr.write(`--- last lines of Neo4j's log ---\n${error.logTail}\n`);
  } else {
    process.stderr.write(`Start-up failed: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
