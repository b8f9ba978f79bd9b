/**
 * Scenario "loopback-load": the bounded loopback load test of the hardening work. 16 concurrent clients
 * (autocannon) for 60 s against the API in its own process, on the seed graph and on a
 * generated graph of 100k relationships, cycling through the explorer's read routes and the
 * Cypher console. Only 127.0.0.1 is ever addressed; the run stops by itself. Reports requests,
 * errors (anything but 200, connection errors, timeouts) and latency percentiles; exits 1 when
 * any request failed.
 *
 * `node --import tsx bench/loopback-load.ts [--graphs seed,100k] [--seconds 60] [--clients 16]`
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Database } from '../server/db/database.ts';
import { loadSeed } from '../server/seed/index.ts';
import { loadGraph } from '../tools/gen/load.ts';
import { parseCount, formatCount } from '../tools/gen/sizes.ts';
import { REPO_ROOT } from '../server/neo4j/constants.ts';
import { freePort, start, stop } from '../server/neo4j/instance.ts';
import { machineLine, writeSection } from './report.ts';

const INSTANCE = 'hardening-load';
const GEN_SEED = 'load';

interface Run {
  graph: string;
  nodes: number;
  relationships: number;
  clients: number;
  seconds: number;
  requests: number;
  perSecond: number;
  ok: number;
  non200: number;
  errors: number;
  timeouts: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Ids and names to ask for: a spread of nodes by degree, and search words from their names. */
async function sample(db: Database): Promise<{ ids: string[]; words: string[] }> {
  return db.read(async (tx) => {
    const result = await tx.run<{ id: string; name: unknown }>(`
      MATCH (n) WITH n, COUNT { (n)--() } AS degree WHERE degree > 0
      WITH n ORDER BY degree DESC, elementId(n)
      WITH collect(n) AS ranked
      UNWIND range(0, size(ranked) - 1, CASE WHEN size(ranked) > 40 THEN size(ranked) / 40 ELSE 1 END) AS i
      WITH ranked[i] AS n
      RETURN elementId(n) AS id, coalesce(n.name, n.title, '') AS name LIMIT 40`);
    const ids = result.records.map((r) => r.get('id'));
    const words = result.records
      .map((r) => String(r.get('name')).split(/\s+/)[0] ?? '')
      .filter((w) => w.length >= 3)
      .slice(0, 20);
    return { ids, words: words.length ? words : ['meeting'] };
  });
}

/** The request mix: what the explorer does, plus the console. */
function requests(ids: string[], words: string[]): autocannon.Request[] {
  const enc = encodeURIComponent;
  const mix: autocannon.Request[] = [];
  ids.forEach((id, i) => {
    const other = ids[(i + 7) % ids.length] as string;
    const word = words[i % words.length] as string;
    mix.push(
      { method: 'GET', path: `/api/search?q=${enc(word)}&limit=20` },
      { method: 'GET', path: `/api/nodes/${enc(id)}` },
      { method: 'GET', path: `/api/nodes/${enc(id)}/neighbours?limit=50` },
      { method: 'GET', path: `/api/paths?from=${enc(id)}&to=${enc(other)}&maxLength=4` },
    );
    if (i % 4 === 0) {
      mix.push(
        { method: 'GET', path: '/api/graph/overview?limit=100' },
        {
          method: 'POST',
          path: '/api/cypher',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: 'MATCH (n)-[r]-(m) WHERE elementId(n) = $id RETURN type(r) AS t, count(*) AS n',
            params: { id },
          }),
        },
      );
    }
  });
  return mix;
}

async function startApi(target: Database['target'], port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NEO4J_URI: target.uri,
      NEO4J_USER: target.user,
      NEO4J_PASSWORD: target.password,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_ON_FIRST_START: 'false',
      // One load generator on one address: per-address limits would measure the limiter.
      RATE_LIMIT_MAX: '1000000',
      RATE_LIMIT_CYPHER_MAX: '1000000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the API did not start within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function counts(db: Database): Promise<{ nodes: number; relationships: number }> {
  return db.read(async (tx) => {
    const r = await tx.run(
      'MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels',
    );
    return {
      nodes: Number(r.records[0]?.get('nodes')),
      relationships: Number(r.records[0]?.get('rels')),
    };
  });
}

async function measure(
  db: Database,
  graph: string,
  options: { clients: number; seconds: number },
): Promise<Run> {
  const { ids, words } = await sample(db);
  const port = await freePort();
  const api = await startApi(db.target, port);
  try {
    const url = `http://127.0.0.1:${port}`;
    const mix = requests(ids, words);
    // Warm-up: plans, caches and the JIT, unmeasured.
    await autocannon({ url, connections: 4, amount: mix.length * 2, requests: mix });
    const result = await autocannon({
      url,
      connections: options.clients,
      duration: options.seconds,
      timeout: 30,
      requests: mix,
    });
    const size = await counts(db);
    return {
      graph,
      ...size,
      clients: options.clients,
      seconds: options.seconds,
      requests: result.requests.total,
      perSecond: result.requests.average,
      ok: result['2xx'],
      non200: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    };
  } finally {
    api.kill('SIGTERM');
  }
}

function render(runs: Run[]): string {
  const rows = runs.map(
    (r) =>
      `| ${r.graph} (${formatCount(r.nodes)} nodes, ${formatCount(r.relationships)} rels) | ${r.clients} | ${r.seconds} s | ${r.requests.toLocaleString('en')} | ${r.perSecond.toFixed(0)} | ${r.non200 + r.errors + r.timeouts} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} |`,
  );
  return `## Loopback load test (hardening)

${machineLine()}

${runs[0]?.clients ?? 16} clients (autocannon, keep-alive) against the API in its own process on 127.0.0.1, each sending its next request as soon as the last one returned; the mix cycles through search, node details, neighbourhoods, paths (up to 4 hops), the overview and a console query. Errors count every answer other than 200, connection errors and 30 s timeouts. Rate limits raised for the one generator address.

| graph | clients | duration | requests | req/s | errors | p50 ms | p90 ms | p99 ms | max ms |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Measured by \`npm run bench -- loopback-load\` (\`bench/loopback-load.ts\`).`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      graphs: { type: 'string', default: 'seed,100k' },
      seconds: { type: 'string', default: '60' },
      clients: { type: 'string', default: '16' },
    },
  });
  const seconds = Number(values.seconds);
  const clients = Number(values.clients);
  const graphs = values.graphs.split(',').map((g) => g.trim());
  const { state } = await start({
    name: INSTANCE,
    boltPort: 0,
    heap: '2g',
    pageCache: '512m',
    progress: (line) => process.stdout.write(`${line}\n`),
  });
  const db = new Database({
    uri: state.uri,
    user: state.user,
    password: state.password,
    database: 'neo4j',
  });
  const runs: Run[] = [];
  try {
    for (const graph of graphs) {
      if (graph === 'seed') {
        await db.runAutoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS');
        await loadSeed(db);
      } else {
        const rels = parseCount(graph);
        if (!rels) throw new Error(`unknown graph "${graph}": use seed or a size such as 100k`);
        await loadGraph(db, { rels, seed: GEN_SEED }, { reset: true });
      }
      process.stdout.write(`${graph}: ${clients} clients for ${seconds} s…\n`);
      const run = await measure(db, graph, { clients, seconds });
      process.stdout.write(`${JSON.stringify(run)}\n`);
      runs.push(run);
    }
  } finally {
    await db.close();
    await stop(INSTANCE);
  }
  writeSection('loopback-load', render(runs));
  return runs.some((r) => r.non200 + r.errors + r.timeouts > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
