/**
 * Start-up times: the cold download of Neo4j, a first `npm start` on a fresh instance (Neo4j
 * first start + seed + serve), warm starts with Neo4j stopped and running, and a Neo4j restart.
 * Uses instances of its own, so a developer's default instance is left alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../server/neo4j/constants.ts';
import { install } from '../server/neo4j/install.ts';
import { freePort, reset, start, stop } from '../server/neo4j/instance.ts';
import { machineLine, median, seconds, writeSection } from './report.ts';

const INSTANCE = 'bench-startup';
const REPEATS = 3;

/** Runs `npm start` on the bench instance and resolves when /api/health answers 200. */
async function timeNpmStart(boltPort: number): Promise<{ ms: number; child: ChildProcess }> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: '',
      NEO4J_LOCAL_INSTANCE: INSTANCE,
      NEO4J_LOCAL_BOLT_PORT: String(boltPort),
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.status === 200) return { ms: Date.now() - started, child };
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 300_000)
      throw new Error('npm start did not become healthy in 300 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopApp(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
  await exited;
}

async function main(): Promise<void> {
  const progress = (line: string) => process.stdout.write(`${line}\n`);
  const boltPort = await freePort();

  progress('Cold download into an empty Maven repository…');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'summit-bench-'));
  const download = await install({
    distDir: path.join(scratch, 'dist'),
    mavenRepoLocal: path.join(scratch, 'm2'),
  });
  fs.rmSync(scratch, { recursive: true, force: true });

  progress('First npm start on a fresh instance…');
  await reset(INSTANCE);
  const first = await timeNpmStart(boltPort);
  await stopApp(first.child);

  progress('Warm npm start with Neo4j running…');
  const warmRunning: number[] = [];
  for (let i = 0; i < REPEATS; i += 1) {
    const run = await timeNpmStart(boltPort);
    warmRunning.push(run.ms);
    await stopApp(run.child);
  }

  progress('Warm npm start with Neo4j stopped (data kept)…');
  const warmStopped: number[] = [];
  const neo4jRestart: number[] = [];
  for (let i = 0; i < REPEATS; i += 1) {
    await stop(INSTANCE);
    const run = await timeNpmStart(boltPort);
    warmStopped.push(run.ms);
    await stopApp(run.child);
    await stop(INSTANCE);
    const restarted = await start({ name: INSTANCE, boltPort, heap: '1g', pageCache: '512m' });
    neo4jRestart.push(restarted.startMs);
  }
  await reset(INSTANCE);

  const rows = [
    [
      'Neo4j download from Maven Central (cold, empty ~/.m2)',
      `${seconds(download.ms)} (${download.jars} jars)`,
    ],
    [
      'first `npm start`: fresh Neo4j + initial password + seed + serve (jars cached)',
      seconds(first.ms),
    ],
    [
      'first start on a fresh machine (download + first `npm start`)',
      seconds(download.ms + first.ms),
    ],
    [
      `warm \`npm start\`, Neo4j already running (median of ${REPEATS})`,
      seconds(median(warmRunning)),
    ],
    [
      `warm \`npm start\`, Neo4j stopped, data kept (median of ${REPEATS})`,
      seconds(median(warmStopped)),
    ],
    [`Neo4j start alone, existing data (median of ${REPEATS})`, seconds(median(neo4jRestart))],
  ];
  writeSection(
    'startup',
    [
      '## Start-up',
      '',
      machineLine(),
      '',
      '| what | time |',
      '|---|---|',
      ...rows.map(([what, time]) => `| ${what} | ${time} |`),
      '',
      'Measured by `npx tsx bench/startup.ts`: each start is timed from spawning `npm start` until',
      '`GET /api/health` answers 200 (the seed, when loaded, is loaded before the server listens).',
    ].join('\n'),
  );
  progress(rows.map(([what, time]) => `${what}: ${time}`).join('\n'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
