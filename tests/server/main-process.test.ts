/**
 * The server process as `npm start` runs it: boots against the test Neo4j, serves, reports every
 * configuration violation before doing anything, and on SIGTERM finishes in-flight requests,
 * closes the driver and exits 0.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/neo4j/constants.ts';
import { freePort } from '../../server/neo4j/instance.ts';
import { openTestDatabase, testConnectionEnv } from '../support/neo4j.ts';

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

function startServer(env: Record<string, string>): {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
} {
  const child = spawn(TSX, ['server/main.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

const exitOf = (child: ChildProcessWithoutNullStreams) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

async function waitHealthy(base: string, deadlineMs = 60_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${base} did not become healthy`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts the server on a free port and waits until this process says it listens there (a server
 * of another test project may have taken the port meanwhile: then another port is tried).
 */
async function startListening(): Promise<{
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
  base: string;
}> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const { child, output } = startServer({
      ...testConnectionEnv(),
      PORT: String(port),
      SEED_ON_FIRST_START: 'false',
      LOG_LEVEL: 'info',
    });
    const exited = exitOf(child);
    let gone = false;
    void exited.then(() => (gone = true));
    await waitHealthy(base);
    const ours = () =>
      output().includes('Summit Graph is listening') && output().includes(`:${port}`);
    const deadline = Date.now() + 30_000;
    while (!ours() && !gone && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (ours() && !gone) return { child, output, exited, base };
    child.kill('SIGKILL');
    await exited;
    if (attempt === 3) throw new Error(`the server did not listen on its own port:\n${output()}`);
  }
}

async function waitUntil(check: () => Promise<boolean>, deadlineMs = 30_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('server process', () => {
  it('refuses to start on invalid configuration, listing every violation', async () => {
    const { child, output } = startServer({
      NEO4J_URI: 'http://nope',
      PORT: 'x',
      LOG_LEVEL: 'loud',
    });
    expect(await exitOf(child)).toBe(1);
    expect(output()).toContain('Invalid configuration');
    for (const field of ['NEO4J_URI', 'PORT', 'LOG_LEVEL', 'NEO4J_PASSWORD']) {
      expect(output()).toContain(field);
    }
  });

  it('finishes an in-flight request on SIGTERM, then exits 0', async () => {
    // Another test project may take the free port first: only our own process's answer counts.
    const { child, output, exited, base } = await startListening();

    // A query that takes a while; the signal is sent once Neo4j is running it, so the request is
    // certainly in flight (not merely connected) when the server starts shutting down.
    const query = 'UNWIND range(1, 12000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n';
    const slow = fetch(`${base}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const db = openTestDatabase();
    try {
      await waitUntil(async () => {
        const running = await db.read((tx) =>
          tx.run(
            'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $q RETURN count(*) AS n',
            {
              q: 'range(1, 12000000)',
            },
          ),
        );
        return Number(running.records[0]?.get('n')) > 0;
      });
    } finally {
      await db.close();
    }
    child.kill('SIGTERM');

    const response = await slow;
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rows: unknown[][] };
    expect(body.rows[0]?.[0]).toBe(1714285);
    expect(await exited).toBe(0);
    expect(output()).toContain('finishing in-flight requests');
    expect(output()).toContain('"msg":"stopped"');
  }, 180_000);
});
