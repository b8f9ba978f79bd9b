/**
 * Writes under faults, against a real Neo4j: the seed loader and the document ingester killed
 * with SIGKILL while their transaction is open in Neo4j leave nothing behind; the app process
 * killed and started again loses nothing and keeps its local write token; transient errors
 * (a deadlock) are retried by the driver's managed transactions until both writers succeed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { loadSeed } from '../../server/seed/index.ts';
import { REPO_ROOT } from '../../server/neo4j/constants.ts';
import { freePort } from '../../server/neo4j/instance.ts';
import {
  clearDatabase,
  openTestDatabase,
  testConnectionEnv,
  testTarget,
} from '../support/neo4j.ts';
import { waitFor } from './faults-traffic.ts';

let db: Database;

beforeAll(() => {
  db = openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** Runs a TypeScript entry point in one Node process (the tsx wrapper would survive a SIGKILL's target). */
function run(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, exited, output: () => output };
}

const remoteEnv = (): Record<string, string> => ({ ...testConnectionEnv(), LOG_LEVEL: 'warn' });

/** Open transactions other than the observer's own, with what they run. */
async function openTransactions(): Promise<string[]> {
  return db.withSession({ mode: 'WRITE', database: 'neo4j' }, async (session) => {
    const result = await session.run<{ currentQuery: string }>(
      "SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN currentQuery",
    );
    return result.records.map((r) => r.get('currentQuery'));
  });
}

/**
 * Kills the child with SIGKILL as soon as Neo4j shows it writing (an open transaction running
 * MERGE or CREATE). Resolves true when it was killed so, false when it ended first.
 */
async function killWhileWriting(child: ChildProcess, exited: Promise<unknown>): Promise<boolean> {
  let ended = false;
  void exited.then(() => (ended = true));
  while (!ended) {
    const writing = (await openTransactions()).some((q) => /\b(MERGE|CREATE)\b/.test(q));
    if (writing && !ended) {
      child.kill('SIGKILL');
      await exited;
      return true;
    }
  }
  return false;
}

async function counts(): Promise<{ nodes: number; relationships: number; documents: number }> {
  return db.read(async (tx) => {
    const r = await tx.run(`
      MATCH (n) WITH count(n) AS nodes
      OPTIONAL MATCH ()-[r]->() WITH nodes, count(r) AS relationships
      OPTIONAL MATCH (d:Document) RETURN nodes, relationships, count(d) AS documents`);
    const record = r.records[0];
    return {
      nodes: Number(record?.get('nodes')),
      relationships: Number(record?.get('relationships')),
      documents: Number(record?.get('documents')),
    };
  });
}

/** A long press release (about 150 KB) that mentions many entities, so writing it takes a while. */
function longDocument(marker: string): string {
  const sentences = [
    'President of Kazakhstan Kassym-Jomart Tokayev held talks with President of Uzbekistan Shavkat Mirziyoyev in Astana.',
    'The sides discussed trade, energy, transport and water resources, and agreed to deepen the strategic partnership.',
    'President of Tajikistan Emomali Rahmon and President of Russia Vladimir Putin reviewed security cooperation and migration.',
    'The leaders of Kyrgyzstan and Turkmenistan joined the consultations on regional connectivity and the fight against terrorism.',
  ];
  const paragraphs = [`Leaders of Central Asia meet in Astana (${marker})`, ''];
  for (let i = 0; paragraphs.join('\n').length < 150_000; i++) {
    paragraphs.push(`${sentences[i % sentences.length]} Round ${i} of the talks.`, '');
  }
  return paragraphs.join('\n');
}

/** The counts of a complete seed load. */
async function seedCounts() {
  await clearDatabase(db);
  await loadSeed(db);
  const whole = await counts();
  await clearDatabase(db);
  return whole;
}

/** Waits until Neo4j has dropped the killed client's transaction. */
async function settled(): Promise<void> {
  await waitFor(
    'the killed transaction to be rolled back',
    async () => (await openTransactions()).length === 0,
    30_000,
  );
}

describe('SIGKILL in the middle of a write', () => {
  it('the seed loader leaves an empty database empty (one transaction for all facts)', async () => {
    let interrupted = 0;
    for (let attempt = 0; attempt < 4 && interrupted === 0; attempt++) {
      await clearDatabase(db);
      const { child, exited } = run('server/seed/cli.ts', [], remoteEnv());
      const killed = await killWhileWriting(child, exited);
      await settled();
      const after = await counts();
      // Killed just after the commit, the seed is whole; never anything in between.
      if (after.nodes > 0) expect(after).toEqual(await seedCounts());
      else if (killed) interrupted++;
      expect(after.relationships === 0).toBe(after.nodes === 0);
    }
    expect(interrupted, 'the loader was never interrupted while writing').toBeGreaterThan(0);
  });

  it('the ingester leaves no partial document: the graph is as before or has the whole document', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summit-ingest-'));
    const file = path.join(dir, 'talks.txt');
    fs.writeFileSync(file, longDocument(`sigkill-${Date.now()}`));
    const fresh = async () => {
      await clearDatabase(db);
      await loadSeed(db);
    };
    try {
      // What the whole document adds, from one uninterrupted run.
      await fresh();
      const before = await counts();
      const complete = run('server/ingest/cli.ts', [file], remoteEnv());
      expect(await complete.exited, complete.output()).toBe(0);
      const whole = await counts();
      expect(whole.documents).toBe(before.documents + 1);

      let interrupted = 0;
      for (let attempt = 0; attempt < 4 && interrupted === 0; attempt++) {
        await fresh();
        const { child, exited } = run('server/ingest/cli.ts', [file], remoteEnv());
        const killed = await killWhileWriting(child, exited);
        await settled();
        const after = await counts();
        // Killed just after the commit, the document is whole; never anything in between.
        expect([before, whole]).toContainEqual(after);
        if (killed && after.nodes === before.nodes) interrupted++;
      }
      expect(interrupted, 'the ingester was never interrupted while writing').toBeGreaterThan(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(process.env.TEST_NEO4J_URI !== undefined)(
  'the app killed and started again',
  () => {
    // The local default: the managed instance (here the suite's own), no WRITE_TOKEN configured.
    async function startApp(port: number) {
      const app = run('server/main.ts', [], {
        NEO4J_LOCAL_INSTANCE: testTarget().instance ?? '',
        PORT: String(port),
        SEED_ON_FIRST_START: 'false',
        LOG_LEVEL: 'info',
      });
      const base = `http://127.0.0.1:${port}`;
      await waitFor(
        'the app to answer',
        async () => {
          try {
            return (await fetch(`${base}/api/health`)).ok;
          } catch {
            return false;
          }
        },
        90_000,
      );
      const token = /Write token \([^)]*\): (\S+)/.exec(app.output())?.[1];
      return { ...app, base, token };
    }

    it('loses nothing, and prints the same write token on every start', async () => {
      await clearDatabase(db);
      await loadSeed(db);
      const port = await freePort();
      const started: ChildProcess[] = [];
      try {
        const first = await startApp(port);
        started.push(first.child);
        expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
        const created = await fetch(`${first.base}/api/documents`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain', authorization: `Bearer ${first.token}` },
          body: `Talks in Dushanbe, restart ${Date.now()}\n\nPresident of Tajikistan Emomali Rahmon received President of Russia Vladimir Putin in Dushanbe on 8 October 2024.`,
        });
        expect(created.status, await created.clone().text()).toBe(201);
        const location = created.headers.get('location') as string;
        const before = await counts();
        expect(before.documents).toBeGreaterThan(0);
        // The structured log carries no token (only the plain start line does).
        const logLines = first
          .output()
          .split('\n')
          .filter((l) => l.startsWith('{'));
        expect(logLines.length).toBeGreaterThan(0);
        expect(logLines.join('\n')).not.toContain(first.token as string);

        first.child.kill('SIGKILL');
        await first.exited;
        const second = await startApp(port);
        started.push(second.child);
        expect(second.token).toBe(first.token);
        expect(await counts()).toEqual(before);
        expect((await fetch(`${second.base}${location}`)).status).toBe(200);
        const refused = await fetch(`${second.base}/api/documents`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: 'x',
        });
        expect(refused.status).toBe(401);
      } finally {
        for (const child of started) child.kill('SIGKILL');
      }
    });
  },
);

describe('transient errors', () => {
  it('a deadlock between two writers is retried by the managed transactions; both commit', async () => {
    await clearDatabase(db);
    await db.write((tx) => tx.run("CREATE (:Account {id: 'a', n: 0}), (:Account {id: 'b', n: 0})"));
    let attempts = 0;
    // Each writer locks one account, waits until the other has locked the second, then crosses
    // over. A retried attempt finds both signals given and goes straight through.
    const lockedBy = new Map<string, () => void>();
    const locked = new Map(
      ['a', 'b'].map((id) => [id, new Promise<void>((resolve) => lockedBy.set(id, resolve))]),
    );
    const writer = (first: string, second: string) =>
      db.write(async (tx) => {
        attempts++;
        await tx.run('MATCH (x:Account {id: $id}) SET x.n = x.n + 1', { id: first });
        lockedBy.get(first)?.();
        await locked.get(second);
        await tx.run('MATCH (x:Account {id: $id}) SET x.n = x.n + 1', { id: second });
      });
    await Promise.all([writer('a', 'b'), writer('b', 'a')]);
    // Two first attempts, at least one of which deadlocked and ran again.
    expect(attempts).toBeGreaterThanOrEqual(3);
    const totals = await db.read(async (tx) =>
      (await tx.run('MATCH (x:Account) RETURN x.id AS id, x.n AS n ORDER BY id')).records.map(
        (r) => [r.get('id'), Number(r.get('n'))],
      ),
    );
    expect(totals).toEqual([
      ['a', 2],
      ['b', 2],
    ]);
  });
});
