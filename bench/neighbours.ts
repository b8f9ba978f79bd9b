/**
 * Neighbourhood latency through the API against the raw driver running the same Cypher, on the
 * public airport-routes graph: the busiest airports and quiet ones, interleaved per node.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { Database } from '../server/db/database.ts';
import { createLogger } from '../server/log.ts';
import { neighboursQuery } from '../server/nodes/queries.ts';
import { readNeighbours } from '../server/nodes/read.ts';
import { REPO_ROOT } from '../server/neo4j/constants.ts';
import { stop } from '../server/neo4j/instance.ts';
import { freshInstance } from './instance.ts';
import { machineLine, percentile, writeSection } from './report.ts';

const INSTANCE = 'bench-neighbours';
const DATASET = path.resolve(REPO_ROOT, '..', 'shared', 'datasets', 'airport-routes');
const NODES = 50;
const WARMUP_ROUNDS = 2;
const ROUNDS = 12;
const LIMIT = 100;

function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\r?\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

async function loadAirports(db: Database, importDir: string): Promise<void> {
  for (const csv of ['airport-node-list.csv', 'iroutes-edges.csv']) {
    fs.copyFileSync(path.join(DATASET, csv), path.join(importDir, csv));
  }
  const script = fs.readFileSync(path.join(DATASET, 'airport-routes.local.cypher'), 'utf8');
  for (const statement of splitStatements(script)) await db.runAutoCommit(statement);
}

const time = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

/** `--serve <json target>`: the app alone, printing its port (the child process). */
async function serveApp(target: string): Promise<void> {
  const { uri, user, password } = JSON.parse(target) as {
    uri: string;
    user: string;
    password: string;
  };
  const db = new Database({ uri, user, password, database: 'neo4j' });
  const app = createApp({
    db,
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    log: createLogger('silent'),
  });
  // Beside the app, the bare minimum of the same hop: the raw driver behind Node's HTTP server,
  // answering only the number of records. API minus this is what the app itself adds.
  const query = neighboursQuery('both', null);
  const server = http.createServer((req, res) => {
    const raw = /^\/raw\/([^/?]+)$/.exec(req.url ?? '');
    if (!raw) {
      void app(req, res);
      return;
    }
    const id = decodeURIComponent(raw[1] ?? '');
    db.read((tx) =>
      tx.run(query, { id, labels: null, skip: neo4j.int(0), limit: neo4j.int(LIMIT) }),
    )
      .then((result) => res.end(JSON.stringify({ records: result.records.length })))
      .catch(() => {
        res.statusCode = 500;
        res.end();
      });
  });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
  });
  process.on('SIGTERM', () => server.close(() => void db.close().then(() => process.exit(0))));
}

/** Starts the app in a child process; resolves with its base URL. */
function startAppProcess(target: object): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', JSON.stringify(target)],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the app exited with ${code}`)));
    child.stdout?.once('data', (chunk: Buffer) => {
      resolve({ base: `http://127.0.0.1:${chunk.toString().trim()}`, child });
    });
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** GET over a kept-alive connection; resolves with the parsed JSON body. */
function getJson(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          if (response.statusCode !== 200) reject(new Error(`API answered ${response.statusCode}`));
          else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        });
      })
      .on('error', reject);
  });
}

async function main(): Promise<void> {
  if (!fs.existsSync(DATASET)) throw new Error(`airport-routes not found at ${DATASET}`);
  const progress = (line: string) => process.stdout.write(`${line}\n`);
  progress('Fresh Neo4j instance for the benchmark…');
  const { state, db } = await freshInstance(INSTANCE);
  let app: ChildProcess | undefined;
  try {
    progress('Loading airport-routes…');
    await loadAirports(db, state.importDir);
    const ids = await db.read(async (tx) => {
      const result = await tx.run<{ picked: { id: string; degree: unknown }[] }>(
        `MATCH (a:Airport) WITH a, COUNT { (a)--() } AS degree ORDER BY degree DESC, a.iata
         WITH collect({id: elementId(a), degree: degree}) AS all
         RETURN all[0..$half] + [x IN all WHERE x.degree < 20][0..$half] AS picked`,
        { half: neo4j.int(NODES / 2) },
      );
      return (result.records[0]?.get('picked') ?? []).map((x) => ({
        id: x.id,
        degree: Number(x.degree),
      }));
    });
    const served = await startAppProcess({
      uri: state.uri,
      user: state.user,
      password: state.password,
    });
    app = served.child;
    const base = served.base;
    const query = neighboursQuery('both', null);

    const viaApi = (id: string) =>
      time(() => getJson(`${base}/api/nodes/${encodeURIComponent(id)}/neighbours?limit=${LIMIT}`));
    const viaRawHttp = (id: string) => time(() => getJson(`${base}/raw/${encodeURIComponent(id)}`));
    const viaDriver = (id: string) =>
      time(() =>
        db.read((tx) =>
          tx
            .run(query, { id, labels: null, skip: neo4j.int(0), limit: neo4j.int(LIMIT) })
            .then((r) => r.records),
        ),
      );

    // The API's own layer without HTTP: the same service call the route makes, then JSON text.
    const viaService = (id: string) =>
      time(async () => {
        const body = await readNeighbours(
          db,
          { id, direction: 'both', types: null, labels: null, limit: LIMIT, skip: 0 },
          60_000,
        );
        JSON.stringify(body);
      });

    const loadBefore = os.loadavg()[0] ?? 0;
    const api: number[] = [];
    const driver: number[] = [];
    const service: number[] = [];
    const rawHttp: number[] = [];
    for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      progress(
        `round ${round + 1}/${WARMUP_ROUNDS + ROUNDS}${round < WARMUP_ROUNDS ? ' (warm-up)' : ''}`,
      );
      for (const { id } of ids) {
        let a: number;
        let d: number;
        // Alternate the order so neither path always meets a warmer cache.
        if (round % 2 === 0) {
          a = await viaApi(id);
          d = await viaDriver(id);
        } else {
          d = await viaDriver(id);
          a = await viaApi(id);
        }
        const v = await viaService(id);
        const h = await viaRawHttp(id);
        if (round >= WARMUP_ROUNDS) {
          api.push(a);
          driver.push(d);
          service.push(v);
          rawHttp.push(h);
        }
      }
    }

    const row = (label: string, values: number[]) =>
      `| ${label} | ${values.length} | ${percentile(values, 50).toFixed(2)} | ${percentile(values, 95).toFixed(2)} |`;
    const ratio50 = percentile(api, 50) / percentile(driver, 50);
    const ratio95 = percentile(api, 95) / percentile(driver, 95);
    const hubs = ids.slice(0, NODES / 2).map((x) => x.degree);
    writeSection(
      'neighbours',
      [
        '## Neighbourhood: API vs driver',
        '',
        machineLine(),
        '',
        `airport-routes (8,627 nodes, 73,954 relationships); ${ids.length} airports: the ${NODES / 2} busiest (degree ${Math.min(...hubs)}–${Math.max(...hubs)}) and ${NODES / 2} with degree below 20; first page of ${LIMIT} neighbours, both directions, all types; ${ROUNDS} rounds after ${WARMUP_ROUNDS} warm-up rounds, API and driver interleaved per node.`,
        '',
        '| path | requests | p50 ms | p95 ms |',
        '|---|---|---|---|',
        row(
          'API: `GET /api/nodes/:id/neighbours` over HTTP (loopback, app in its own process)',
          api,
        ),
        row('driver: the same Cypher and parameters in a read transaction', driver),
        row(
          'service layer in the benchmark process (query, encoding, JSON text; no HTTP)',
          service,
        ),
        row(
          'the hop alone: the same Cypher with the raw driver behind a bare Node HTTP server in the app process, answering a record count',
          rawHttp,
        ),
        '',
        `Ratio API / driver: **${ratio50.toFixed(2)} at p50** (target ≤ 1.3), ${ratio95.toFixed(2)} at p95.`,
        `Service layer / driver: ${(percentile(service, 50) / percentile(driver, 50)).toFixed(2)} at p50; ` +
          `the hop alone / driver: ${(percentile(rawHttp, 50) / percentile(driver, 50)).toFixed(2)}; ` +
          `API / the hop alone: ${(percentile(api, 50) / percentile(rawHttp, 50)).toFixed(2)}. ` +
          'The hop (a second process, HTTP on loopback, the driver there) costs the same with or without our app; ' +
          'what the app adds on top is validation, middleware, encoding and JSON.',
        '',
        `Load average (1 min) ${loadBefore.toFixed(1)} before and ${(os.loadavg()[0] ?? 0).toFixed(1)} after the run ` +
          `on ${os.cpus().length} cores: other work on the machine adds noise to both columns alike.`,
        '',
        'The API figure includes HTTP on loopback (kept-alive connection), validation, the reachability',
        'check, encoding every value, and serialising and parsing JSON; the driver figure ends when the',
        'records are in memory. Both clients run in the benchmark process; the app runs in its own.',
        'Measured by `npm run bench -- neighbours` (`bench/neighbours.ts`).',
      ].join('\n'),
    );
    progress(
      `API p50 ${percentile(api, 50).toFixed(2)} ms, p95 ${percentile(api, 95).toFixed(2)} ms`,
    );
    progress(
      `driver p50 ${percentile(driver, 50).toFixed(2)} ms, p95 ${percentile(driver, 95).toFixed(2)} ms`,
    );
    progress(`ratio p50 ${ratio50.toFixed(2)}, p95 ${ratio95.toFixed(2)}`);
  } finally {
    app?.kill('SIGTERM');
    agent.destroy();
    await db.close();
    await stop(INSTANCE);
  }
}

const serveAt = process.argv.indexOf('--serve');
(serveAt >= 0 ? serveApp(process.argv[serveAt + 1] ?? '{}') : main()).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
