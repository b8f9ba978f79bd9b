/**
 * The managed local Neo4j against the real server: start, reuse, stop, authentication, and each
 * failure with its stable id. Instances here are throwaway ones of their own.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalNeo4jError } from '../../server/neo4j/errors.ts';
import { checkJava, checkMaven, install, parseJavaMajor } from '../../server/neo4j/install.ts';
import {
  freePort,
  instanceDir,
  isOurProcess,
  readState,
  reset,
  setInitialPassword,
  start,
  stop,
  type InstanceOptions,
} from '../../server/neo4j/instance.ts';

const NAMES = ['tools-life', 'tools-port', 'tools-lock', 'tools-slow'];
/** These tests start Neo4j more than once; a loaded 2-core machine needs up to a minute a start. */
const STARTS_TIMEOUT_MS = 300_000;

const options = (name: string, extra: Partial<InstanceOptions> = {}): InstanceOptions => ({
  name,
  boltPort: 0,
  heap: '512m',
  pageCache: '64m',
  ...extra,
});

async function expectLocalError(promise: Promise<unknown>, id: LocalNeo4jError['id']) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LocalNeo4jError);
  expect((error as LocalNeo4jError).id).toBe(id);
  return error as LocalNeo4jError;
}

afterAll(async () => {
  for (const name of NAMES) await reset(name);
});

describe('java and maven checks', () => {
  it('reads major versions from java -version output', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('no version here')).toBeUndefined();
  });

  it('reports a missing Java', () => {
    expect(() => checkJava('/nonexistent/jdk')).toThrowError(
      expect.objectContaining({ id: 'java-missing' }),
    );
  });

  it('reports an unsupported Java version', () => {
    const fakeHome = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-jdk-'));
    fs.mkdirSync(path.join(fakeHome, 'bin'));
    const java = path.join(fakeHome, 'bin', 'java');
    fs.writeFileSync(java, '#!/bin/sh\necho \'openjdk version "11.0.2" 2019-01-15\' >&2\n');
    fs.chmodSync(java, 0o755);
    expect(() => checkJava(fakeHome)).toThrowError(expect.objectContaining({ id: 'java-version' }));
    expect(checkJava(undefined).major).toBeGreaterThanOrEqual(17);
  });

  it('reports a missing Maven', () => {
    expect(() => checkMaven({ ...process.env, PATH: '/nonexistent' })).toThrowError(
      expect.objectContaining({ id: 'maven-missing' }),
    );
  });

  it('reports artifacts Maven cannot fetch, with its own error lines', async () => {
    const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-missing-'));
    const error = await expectLocalError(
      install({ version: '0.0.0-no-such-release', distDir }),
      'download-failed',
    );
    expect(error.message).toContain('org.neo4j:neo4j:0.0.0-no-such-release');
    expect(error.message).toMatch(/ERROR/);
    expect(fs.existsSync(path.join(distDir, '.complete'))).toBe(false);
  });
});

describe('initial password', () => {
  it('takes a password that starts with a dash as the password, not as an option', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-password-'));
    try {
      fs.mkdirSync(path.join(home, 'conf'));
      fs.writeFileSync(path.join(home, 'conf', 'neo4j.conf'), '');
      setInitialPassword(home, checkJava(undefined).executable, '-dash-first-password');
      expect(fs.existsSync(path.join(home, 'data', 'dbms', 'auth.ini'))).toBe(true);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('instance lifecycle', () => {
  it(
    'starts with auth on, reuses a running server, and stops cleanly',
    async () => {
      const first = await start(options('tools-life'));
      expect(first.reused).toBe(false);
      expect(first.firstStart).toBe(true);
      expect(first.state.password.length).toBeGreaterThanOrEqual(20);

      const second = await start(options('tools-life'));
      expect(second.reused).toBe(true);
      expect(second.state.pid).toBe(first.state.pid);

      const good = neo4j.driver(first.state.uri, neo4j.auth.basic('neo4j', first.state.password));
      const info = await good.getServerInfo();
      expect(info.agent).toContain('Neo4j/5.26');
      await good.close();

      const bad = neo4j.driver(first.state.uri, neo4j.auth.basic('neo4j', 'wrong-password'));
      await expect(bad.getServerInfo()).rejects.toMatchObject({
        code: 'Neo.ClientError.Security.Unauthorized',
      });
      await bad.close();

      const stopped = await stop('tools-life');
      expect(stopped).toMatchObject({ wasRunning: true, pid: first.state.pid });
      expect(isOurProcess(first.state.pid, first.state.dir)).toBe(false);
      expect(readState('tools-life')).toBeUndefined();
      expect((await stop('tools-life')).wasRunning).toBe(false);

      // A restart keeps data and credentials.
      const again = await start(options('tools-life'));
      expect(again.firstStart).toBe(false);
      expect(again.state.password).toBe(first.state.password);
      await stop('tools-life');
    },
    STARTS_TIMEOUT_MS,
  );

  it('refuses a Bolt port that another program holds', async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      const error = await expectLocalError(
        start(options('tools-port', { boltPort: port })),
        'port-in-use',
      );
      expect(error.message).toContain(String(port));
      expect(readState('tools-port')).toBeUndefined();
    } finally {
      blocker.close();
    }
  });

  it(
    'reports a store locked by another Neo4j process',
    async () => {
      const first = await start(options('tools-lock'));
      // Forget the running server, as if someone else had started it on this data folder.
      fs.rmSync(path.join(instanceDir('tools-lock'), 'state.json'));
      try {
        const error = await expectLocalError(start(options('tools-lock')), 'store-locked');
        expect(error.logTail).toBeTruthy();
        expect(isOurProcess(first.state.pid, first.state.dir)).toBe(true);
      } finally {
        process.kill(first.state.pid, 'SIGTERM');
        while (isOurProcess(first.state.pid, first.state.dir)) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
    STARTS_TIMEOUT_MS,
  );

  it('gives up after the start timeout, shows the log tail and leaves no process behind', async () => {
    const error = await expectLocalError(
      start(options('tools-slow', { startTimeoutMs: 300 })),
      'start-timeout',
    );
    expect(error.message).toMatch(/did not answer on bolt:\/\/127\.0\.0\.1:\d+ within/);
    expect(readState('tools-slow')).toBeUndefined();
  });
});
