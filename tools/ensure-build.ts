/**
 * `prestart`: builds the web client with Vite when dist/client is missing or older than its
 * sources, so `npm start` on a fresh clone serves the app. A fresh build is left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { build as viteBuild } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLIENT_OUT = path.join(ROOT, 'dist', 'client');
const BUILD_MARKER = path.join(CLIENT_OUT, 'index.html');

/** Everything the client bundle is made from. */
const INPUTS = ['client', 'common', 'vite.config.ts', 'package.json'].map((p) =>
  path.join(ROOT, p),
);

/** Newest modification time (ms) of any file under the given paths; 0 when none exist. */
export function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

/** Why the client must be (re)built, or undefined when dist/client is up to date. */
export function staleReason(): string | undefined {
  if (!fs.existsSync(BUILD_MARKER)) return 'dist/client is missing';
  const built = fs.statSync(BUILD_MARKER).mtimeMs;
  return newestMtime(INPUTS) > built
    ? 'the client sources changed since the last build'
    : undefined;
}

/** Builds the client when it is stale; resolves to whether a build ran. */
export async function ensureClientBuild(log: (line: string) => void = () => {}): Promise<boolean> {
  const reason = staleReason();
  if (!reason) return false;
  log(`Building the web client (${reason})…`);
  const started = Date.now();
  let build: typeof viteBuild;
  try {
    ({ build } = await import('vite'));
  } catch {
    throw new Error(
      'The web client needs building but Vite is not installed: run `npm install` (with dev dependencies) or `npm run build`.',
    );
  }
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  log(`Web client built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  ensureClientBuild((line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
