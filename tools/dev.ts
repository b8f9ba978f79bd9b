/**
 * `npm run dev`: the API (same bootstrap as `npm start`, restarted on server changes) and the
 * Vite dev server with hot reload, /api proxied to the API. Ctrl-C stops both cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViteDevServer } from 'vite';
import { createServer } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STOP_GRACE_MS = 12_000;
/** How long Ctrl-C's own delivery to the API is given before it is sent SIGTERM. */
const SIGINT_WAIT_MS = 3_000;

function startApi(): ChildProcess {
  // tsx watch restarts the API when server/ or common/ files change; the client is Vite's job.
  return spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      'watch',
      '--clear-screen=false',
      '--exclude',
      path.join(ROOT, 'client', '**'),
      path.join(ROOT, 'server', 'main.ts'),
    ],
    { cwd: ROOT, stdio: 'inherit', env: process.env },
  );
}

async function startClient(): Promise<ViteDevServer> {
  const server = await createServer({ configFile: path.join(ROOT, 'vite.config.ts') });
  await server.listen();
  server.printUrls();
  return server;
}

/** Resolves to whether the child has exited within `ms`. */
function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function main(): Promise<void> {
  const api = startApi();
  let client: ViteDevServer | undefined;
  let stopping = false;

  /**
   * Ctrl-C reaches the whole process group, the API included, so it is only waited for; a
   * signal sent to this process alone is passed on. A second signal would make tsx kill the API
   * before it finished its in-flight requests.
   */
  const stop = async (code: number, forward: boolean) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping the dev servers…\n');
    await client?.close();
    if (!forward && !(await exited(api, SIGINT_WAIT_MS))) forward = true;
    if (forward) api.kill('SIGTERM');
    if (!(await exited(api, STOP_GRACE_MS))) api.kill('SIGKILL');
    process.exit(code);
  };

  api.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`The API process ended (${signal ?? `exit code ${code}`}); stopping.\n`);
    void stop(code ?? 1, false);
  });
  process.on('SIGINT', () => void stop(0, false));
  process.on('SIGTERM', () => void stop(0, true));

  try {
    client = await startClient();
  } catch (error) {
    process.stderr.write(`The Vite dev server failed to start: ${(error as Error).message}\n`);
    await stop(1, true);
  }
}

void main();
