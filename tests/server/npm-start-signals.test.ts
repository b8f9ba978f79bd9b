/**
 * Stopping the app the way supervisors and terminals do: SIGTERM or SIGINT to `npm start` (started
 * as the README says) stops the whole process tree and frees the port, with the server's own
 * graceful shutdown ("stopped" in its log).
 */
import { execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/neo4j/constants.ts';
import { freePort } from '../../server/neo4j/instance.ts';
import { testConnectionEnv } from '../support/neo4j.ts';

/** Every process below `pid`, from ps (the tree npm, sh and node would form). */
function descendants(pid: number): number[] {
  const rows = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of rows) {
      if (ppid === parent) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

async function until(check: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

describe('npm start', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s to npm stops the whole process tree and frees the port',
    async (signal) => {
      const port = await freePort();
      const npm = spawn('npm', ['start'], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          ...testConnectionEnv(),
          PORT: String(port),
          LOG_LEVEL: 'info',
        },
      });
      let output = '';
      npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
      expect(await until(() => output.includes('Summit Graph is listening'), 240_000), output).toBe(
        true,
      );
      expect(await portOpen(port)).toBe(true);
      const tree = descendants(npm.pid ?? -1);
      expect(tree.length).toBeGreaterThan(0);

      npm.kill(signal);
      await exited;
      expect(await until(async () => !(await portOpen(port)), 15_000)).toBe(true);
      expect(await until(() => tree.every((pid) => !alive(pid)), 15_000), output).toBe(true);
      expect(output).toContain('"msg":"stopped"');
    },
    300_000,
  );
});
