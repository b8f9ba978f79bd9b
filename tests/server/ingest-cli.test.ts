/** `npm run ingest`: refusals before any write (exit 1), a dry run, and real writes into the test Neo4j. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { REPO_ROOT } from '../../server/neo4j/constants.ts';
import { clearDatabase, openTestDatabase, testConnectionEnv } from '../support/neo4j.ts';

const CLI = path.join(REPO_ROOT, 'server', 'ingest', 'cli.ts');
const TEXT =
  'Kazakhstan and Kyrgyzstan hold talks\n\nOn 3 March 2024 in Bishkek, President of Kazakhstan Kassym-Jomart Tokayev held talks with President of Kyrgyzstan Sadyr Japarov on trade and water resources.\n';

function ingest(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...testConnectionEnv(), LOG_LEVEL: 'silent' },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('npm run ingest', () => {
  let db: Database;
  let dir: string;

  beforeAll(async () => {
    db = openTestDatabase();
    await clearDatabase(db);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-cli-'));
    fs.writeFileSync(path.join(dir, 'talks.txt'), TEXT);
    fs.writeFileSync(path.join(dir, 'empty.txt'), '  \n');
    fs.writeFileSync(
      path.join(dir, 'latin1.txt'),
      Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x74, 0x61, 0x6c, 0x6b, 0x73]),
    );
  });

  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await db.close();
  });

  const nodes = async () =>
    db.read(async (tx) =>
      neo4j.integer.toNumber((await tx.run('MATCH (n) RETURN count(n) AS n')).records[0]?.get('n')),
    );

  it('refuses every bad file by name and writes nothing, not even the good ones', async () => {
    const run = ingest([
      path.join(dir, 'talks.txt'),
      path.join(dir, 'empty.txt'),
      path.join(dir, 'latin1.txt'),
      path.join(dir, 'missing.txt'),
    ]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'empty.txt: the document is empty or only whitespace [document-empty]',
    );
    expect(run.err).toContain('latin1.txt: not valid UTF-8 (first invalid byte at offset 3)');
    expect(run.err).toContain('missing.txt: no such file');
    expect(run.err).toContain('Nothing was written (3 of 4 files refused).');
    expect(await nodes()).toBe(0);
    expect(ingest([]).code).toBe(1);
    expect(
      ingest([
        path.join(dir, 'talks.txt'),
        path.join(dir, 'talks.txt'),
        '--url',
        'https://example.org',
      ]).code,
    ).toBe(1);
  });

  it('shows what it would write on a dry run, connecting to nothing', async () => {
    const run = ingest([path.join(dir, 'talks.txt'), '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('(dry run, nothing written)');
    expect(run.out).toContain('Person person:sadyr-japarov "Sadyr Japarov"');
    expect(await nodes()).toBe(0);
  });

  it('ingests, then reports the same file as unchanged', async () => {
    const first = ingest([path.join(dir, 'talks.txt'), '--url', 'https://example.org/bishkek']);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /talks\.txt: created document:kazakhstan-and-kyrgyzstan-hold-talks \(version 1\)/,
    );
    const second = ingest([path.join(dir, 'talks.txt')]);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/unchanged document:kazakhstan-and-kyrgyzstan-hold-talks/);
    expect(await nodes()).toBeGreaterThan(5);
  });
});
