/**
 * One managed Neo4j server process: its folder, configuration, credentials, start, stop and status.
 * The default instance backs `npm start`; tests own instances of their own on free ports.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import {
  DEFAULT_START_TIMEOUT_MS,
  DEFAULT_STOP_TIMEOUT_MS,
  DEFAULT_USER,
  GDS_JAR,
  INSTANCES_DIR,
  NEO4J_ADMIN_CLASS,
  NEO4J_MAIN_CLASS,
  NEO4J_VERSION,
} from './constants.ts';
import { LocalNeo4jError } from './errors.ts';
import { isGdsInstalled } from './gds.ts';
import { checkJava, install, libDir, type Progress } from './install.ts';

export interface InstanceOptions {
  /** Folder name under .local/neo4j/instances. */
  name: string;
  /** Bolt port on 127.0.0.1; 0 picks a free one. */
  boltPort: number;
  heap: string;
  pageCache: string;
  javaHome?: string | undefined;
  startTimeoutMs?: number;
  progress?: Progress;
  /** Load the Graph Data Science plugin (it must be installed); off by default. */
  gds?: boolean;
}

/** What a running instance records about itself (git-ignored, includes the password). */
export interface InstanceState {
  name: string;
  dir: string;
  uri: string;
  user: string;
  password: string;
  boltPort: number;
  pid: number;
  version: string;
  importDir: string;
  startedAt: string;
  /** Whether the Graph Data Science plugin was loaded. */
  gds?: boolean;
}

interface Credentials {
  user: string;
  password: string;
}

export interface StartResult {
  state: InstanceState;
  reused: boolean;
  /** Milliseconds from spawning Java until Bolt answered (0 when reused). */
  startMs: number;
  firstStart: boolean;
}

export function instanceDir(name: string): string {
  return path.join(INSTANCES_DIR, name);
}

const statePath = (dir: string) => path.join(dir, 'state.json');
const credentialsPath = (dir: string) => path.join(dir, 'credentials.json');
const consoleLogPath = (dir: string) => path.join(dir, 'logs', 'console.log');

/** Reads an instance's recorded state; undefined when it never started or was stopped. */
export function readState(name: string): InstanceState | undefined {
  const file = statePath(instanceDir(name));
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as InstanceState;
}

/** True when `pid` is alive and is a Neo4j server started for `dir`. */
export function isOurProcess(pid: number, dir: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(NEO4J_MAIN_CLASS) && cmdline.includes(`--home-dir=${dir}`);
  } catch {
    return true; // no /proc: trust the recorded pid
  }
}

/** The running state of an instance, or undefined when it is not running. */
export function runningState(name: string): InstanceState | undefined {
  const state = readState(name);
  if (state && isOurProcess(state.pid, state.dir)) return state;
  return undefined;
}

/** Starts the instance, or reuses it when it already runs. */
export async function start(options: InstanceOptions): Promise<StartResult> {
  const progress = options.progress ?? (() => {});
  const dir = instanceDir(options.name);
  const running = runningState(options.name);
  if (running) {
    await waitForBolt(running, 15_000, undefined);
    return { state: running, reused: true, startMs: 0, firstStart: false };
  }
  const java = checkJava(options.javaHome);
  await install({ javaHome: options.javaHome, progress });

  for (const sub of ['conf', 'data', 'logs', 'import', 'plugins', 'run']) {
    fs.mkdirSync(path.join(dir, sub), { recursive: true });
  }
  const boltPort = options.boltPort === 0 ? await freePort() : options.boltPort;
  await assertPortFree(boltPort);
  const gds = options.gds ?? false;
  linkPlugins(dir, gds);
  writeConfig(dir, boltPort, options.pageCache, gds);

  const firstStart = !fs.existsSync(credentialsPath(dir));
  const credentials = firstStart ? createCredentials(dir, java.executable) : readCredentials(dir);

  const logFile = consoleLogPath(dir);
  const logStart = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
  const out = fs.openSync(logFile, 'a');
  progress(`Starting Neo4j ${NEO4J_VERSION} (${options.name}) on bolt://127.0.0.1:${boltPort}…`);
  const spawnedAt = Date.now();
  const child = spawn(java.executable, javaArgs(dir, options.heap), {
    detached: true,
    stdio: ['ignore', out, out],
    cwd: dir,
  });
  fs.closeSync(out);
  child.unref();
  let exitCode: number | null | undefined;
  child.on('exit', (code) => {
    exitCode = code;
  });
  const pid = child.pid;
  if (pid === undefined)
    throw new LocalNeo4jError('start-failed', `Could not spawn ${java.executable}.`);

  const state: InstanceState = {
    name: options.name,
    dir,
    uri: `bolt://127.0.0.1:${boltPort}`,
    user: credentials.user,
    password: credentials.password,
    boltPort,
    pid,
    version: NEO4J_VERSION,
    importDir: path.join(dir, 'import'),
    startedAt: new Date().toISOString(),
    gds,
  };
  fs.writeFileSync(statePath(dir), JSON.stringify(state, null, 2), { mode: 0o600 });

  try {
    await waitForBolt(
      state,
      options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
      () => exitCode,
      logFile,
      logStart,
    );
  } catch (error) {
    if (isOurProcess(pid, dir)) {
      process.kill(pid, 'SIGKILL');
    }
    fs.rmSync(statePath(dir), { force: true });
    throw error;
  }
  const startMs = Date.now() - spawnedAt;
  progress(`Neo4j is up after ${(startMs / 1000).toFixed(1)} s (pid ${pid}).`);
  return { state, reused: false, startMs, firstStart };
}

/** Stops the instance with SIGTERM and waits for a clean shutdown. */
export async function stop(
  name: string,
  timeoutMs = DEFAULT_STOP_TIMEOUT_MS,
): Promise<{ wasRunning: boolean; pid?: number; ms: number }> {
  const started = Date.now();
  const state = readState(name);
  if (!state || !isOurProcess(state.pid, state.dir)) {
    if (state) fs.rmSync(statePath(state.dir), { force: true });
    return { wasRunning: false, ms: 0 };
  }
  process.kill(state.pid, 'SIGTERM');
  while (isOurProcess(state.pid, state.dir)) {
    if (Date.now() - started > timeoutMs) {
      throw new LocalNeo4jError(
        'stop-timeout',
        `Neo4j (pid ${state.pid}) did not stop within ${timeoutMs / 1000} s after SIGTERM; it is still running.`,
        tail(consoleLogPath(state.dir), 0),
      );
    }
    await sleep(100);
  }
  fs.rmSync(statePath(state.dir), { force: true });
  return { wasRunning: true, pid: state.pid, ms: Date.now() - started };
}

/** Stops the instance and deletes its data, configuration and credentials. */
export async function reset(name: string): Promise<void> {
  await stop(name);
  fs.rmSync(instanceDir(name), { recursive: true, force: true });
}

/** Puts the plugins this start loads (only GDS so far) into the instance's plugins folder. */
function linkPlugins(dir: string, gds: boolean): void {
  const target = path.join(dir, 'plugins', path.basename(GDS_JAR));
  fs.rmSync(target, { force: true });
  if (!gds) return;
  if (!isGdsInstalled()) {
    throw new LocalNeo4jError(
      'not-installed',
      `The Graph Data Science plugin is not installed; run \`npm run db:install -- --gds\` first.`,
    );
  }
  fs.symlinkSync(GDS_JAR, target);
}

function writeConfig(dir: string, boltPort: number, pageCache: string, gds: boolean): void {
  const lines = [
    '# Written by server/neo4j/instance.ts on every start; edits are overwritten.',
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${boltPort}`,
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    'dbms.usage_report.enabled=false',
    `server.memory.pagecache.size=${pageCache}`,
    `server.directories.lib=${libDir()}`,
    `server.directories.import=${path.join(dir, 'import')}`,
    'db.tx_log.rotation.retention_policy=2 days 512M',
    // GDS reads Neo4j's internals; the database refuses such procedures unless named here.
    ...(gds ? ['dbms.security.procedures.unrestricted=gds.*'] : []),
  ];
  fs.writeFileSync(path.join(dir, 'conf', 'neo4j.conf'), `${lines.join('\n')}\n`);
}

function javaArgs(dir: string, heap: string): string[] {
  return [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    '-Dfile.encoding=UTF-8',
    '-Dlog4j2.disable.jmx=true',
    '-cp',
    `${path.join(dir, 'plugins')}/*:${path.join(dir, 'conf')}/*:${libDir()}/*`,
    NEO4J_MAIN_CLASS,
    `--home-dir=${dir}`,
    `--config-dir=${path.join(dir, 'conf')}`,
    '--console-mode',
  ];
}

function createCredentials(dir: string, java: string): Credentials {
  const credentials: Credentials = {
    user: DEFAULT_USER,
    password: randomBytes(18).toString('base64url'),
  };
  setInitialPassword(dir, java, credentials.password);
  fs.writeFileSync(credentialsPath(dir), JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}

/**
 * Sets the admin password of a store that has never started. The password follows `--`: a
 * generated one starts with "-" one time in 64, which neo4j-admin would otherwise read as an
 * option ("Missing required parameter: '<password>'").
 */
export function setInitialPassword(dir: string, java: string, password: string): void {
  const result = spawnSync(
    java,
    ['-cp', `${libDir()}/*`, NEO4J_ADMIN_CLASS, 'dbms', 'set-initial-password', '--', password],
    {
      encoding: 'utf8',
      env: { ...process.env, NEO4J_HOME: dir, NEO4J_CONF: path.join(dir, 'conf') },
    },
  );
  if (result.status !== 0) {
    throw new LocalNeo4jError(
      'start-failed',
      `Setting the initial password failed (exit ${result.status}): ${(result.stderr || result.stdout).trim()}`,
    );
  }
}

function readCredentials(dir: string): Credentials {
  return JSON.parse(fs.readFileSync(credentialsPath(dir), 'utf8')) as Credentials;
}

/** Polls Bolt until the server answers, the process dies, or the deadline passes. */
async function waitForBolt(
  state: InstanceState,
  timeoutMs: number,
  exitCode: (() => number | null | undefined) | undefined,
  logFile = consoleLogPath(state.dir),
  logStart = 0,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const driver = neo4j.driver(state.uri, neo4j.auth.basic(state.user, state.password), {
    connectionTimeout: 2000,
    maxConnectionPoolSize: 1,
    logging: { level: 'error', logger: () => {} },
  });
  try {
    for (;;) {
      try {
        await driver.getServerInfo();
        return;
      } catch (error) {
        // A server we spawned reports its own exit; one we found running is checked by pid.
        const code = exitCode ? exitCode() : isOurProcess(state.pid, state.dir) ? undefined : null;
        if (code !== undefined) {
          throw classifyExit(code, tail(logFile, logStart));
        }
        if (Date.now() > deadline) {
          throw new LocalNeo4jError(
            'start-timeout',
            `Neo4j did not answer on ${state.uri} within ${Math.round(timeoutMs / 1000)} s (last error: ${(error as Error).message}).`,
            tail(logFile, logStart),
          );
        }
      }
      await sleep(250);
    }
  } finally {
    await driver.close();
  }
}

function classifyExit(code: number | null, logTail: string): LocalNeo4jError {
  if (/Address already in use|port .* in use|BindException/i.test(logTail)) {
    return new LocalNeo4jError(
      'port-in-use',
      'Neo4j could not bind its Bolt port: it is already in use.',
      logTail,
    );
  }
  if (/lock(ed)? (file|by another)|StoreLockException|FileLockException/i.test(logTail)) {
    return new LocalNeo4jError(
      'store-locked',
      'The database store is locked by another Neo4j process using the same data folder. Stop that process first.',
      logTail,
    );
  }
  const meaning: Record<number, string> = {
    1: 'server start error',
    2: 'database start error',
    3: 'invalid configuration or memory settings exceeding RAM',
  };
  return new LocalNeo4jError(
    'start-failed',
    `Neo4j exited during start-up with code ${code ?? 'unknown'}${code !== null && meaning[code] ? ` (${meaning[code]})` : ''}.`,
    logTail,
  );
}

/** The last lines of a log written since `from` (bytes). */
export function tail(file: string, from: number, lines = 25): string {
  if (!fs.existsSync(file)) return '';
  const text = fs.readFileSync(file, 'utf8').slice(from);
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new LocalNeo4jError(
              'port-in-use',
              `Port ${port} on 127.0.0.1 is already in use by another program. Stop it, or choose another port with NEO4J_LOCAL_BOLT_PORT.`,
            )
          : error,
      );
    });
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

/** A port the OS reports free on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
