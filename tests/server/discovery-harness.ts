/**
 * Helpers for the discovery tests: the element id of a node found by a property, and a
 * discovery router on its own (with chosen bounds) served like the app.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { loadConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import {
  createDiscovery,
  type Discovery,
  type DiscoveryOptions,
} from '../../server/discovery/router.ts';
import { problemHandler } from '../../server/http/problems.ts';
import { routesRouter } from '../../server/http/route.ts';
import { createLogger } from '../../server/log.ts';
import { SchemaFactsCache } from '../../server/schema/facts.ts';
import { Reachability } from '../../server/schema/reachability.ts';

/** Element ids by the value of one property (e.g. `key` in the seed, `name` in movies). */
export async function idsBy(
  db: Database,
  property: string,
  values: string[],
): Promise<Record<string, string>> {
  return db.read(async (tx) => {
    const result = await tx.run(
      'UNWIND $values AS value MATCH (n) WHERE n[$property] = value RETURN value, elementId(n) AS id',
      { values, property },
    );
    const out: Record<string, string> = {};
    for (const record of result.records)
      out[record.get('value') as string] = record.get('id') as string;
    for (const value of values)
      if (!out[value]) throw new Error(`no node with ${property} = ${value}`);
    return out;
  });
}

export interface ServedDiscovery {
  base: string;
  discovery: Discovery;
  close: () => Promise<void>;
}

/** Only the discovery routes, with their own cache and the given bounds. */
export async function serveDiscovery(
  db: Database,
  options: DiscoveryOptions = {},
): Promise<ServedDiscovery> {
  const config = loadConfig({});
  const discovery = createDiscovery(db, new SchemaFactsCache(db, 10_000, 0), config, options);
  const app = express();
  app.set('query parser', 'extended');
  app.use(express.json({ limit: '1mb' }));
  app.use('/api', routesRouter(discovery.routes, new Reachability(db)));
  app.use(problemHandler(createLogger('silent')));
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    discovery,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
