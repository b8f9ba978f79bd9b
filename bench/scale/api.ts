/** Starts the API in a child process (bench/api-process.ts) and talks to it. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Neo4jTarget } from '../../server/db/database.ts';
import { REPO_ROOT } from '../../server/neo4j/constants.ts';
import type { ApiMemory, ApiMessage } from './api-process.ts';
import { processMemoryMb } from './target.ts';

export interface BenchApi {
  url: string;
  pid: number;
  /** Heap after a full GC, RSS and open sessions, as the API process sees them. */
  memory(): Promise<ApiMemory>;
  /** Peak resident memory of the process so far (MB). */
  peakRssMb(): number;
  close(): Promise<void>;
}

export async function startApi(
  target: Neo4jTarget,
  env: Record<string, string> = {},
): Promise<BenchApi> {
  const child: ChildProcess = fork(path.join(REPO_ROOT, 'bench', 'scale', 'api-process.ts'), [], {
    cwd: REPO_ROOT,
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: {
      ...process.env,
      NEO4J_URI: target.uri,
      NEO4J_USER: target.user,
      NEO4J_PASSWORD: target.password,
      NEO4J_DATABASE: target.database,
      LOG_LEVEL: 'info',
      // One load generator on loopback is one client address: the per-address limit would turn
      // most of a soak into 429s. The limiter itself still runs on every request.
      RATE_LIMIT_MAX: '1000000',
      ...env,
    },
    // Request logs go where a server's stdout usually goes: somewhere that costs a write.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the bench API exited with ${code}`)));
    child.on('message', (message: ApiMessage) => {
      if (message.kind === 'listening') resolve(message.port);
    });
  });
  const pid = child.pid as number;
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    memory: () =>
      new Promise((resolve) => {
        const listener = (message: ApiMessage) => {
          if (message.kind !== 'memory') return;
          child.off('message', listener);
          const { kind: _kind, ...memory } = message;
          resolve(memory);
        };
        child.on('message', listener);
        child.send({ kind: 'memory' });
      }),
    peakRssMb: () => processMemoryMb(pid)?.peak ?? Number.NaN,
    close: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.disconnect();
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
