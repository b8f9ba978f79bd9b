/**
 * End-to-end support: the real app served in-process against the suite's Neo4j, headless
 * Debian Chromium driven by playwright-core, screenshots under test-artifacts/, and a TCP relay
 * that can cut the app off from Neo4j to rehearse an outage.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { createLogger } from '../../server/log.ts';
import { REPO_ROOT } from '../../server/neo4j/constants.ts';
import { CLIENT_OUT, ensureClientBuild } from '../../tools/ensure-build.ts';
import { clearDatabase, openTestDatabase } from './neo4j.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts');

/** Launches headless Chromium, failing with the install command when it is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install chromium: apt-get install chromium (or set CHROMIUM_PATH)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

/** Builds the client if needed and serves the whole app on a free port, as `npm start` does. */
export async function startApp(db: Database): Promise<RunningApp> {
  await ensureClientBuild();
  const { uri, user, password, database } = db.target;
  const config = loadConfig({
    NEO4J_URI: uri,
    NEO4J_USER: user,
    NEO4J_PASSWORD: password,
    NEO4J_DATABASE: database,
  });
  const app = createApp({ db, config, log: createLogger('silent'), clientDir: CLIENT_OUT });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A freshly started Neo4j on a busy machine can be slow over its first schema sample and
 * overview; one request of each beforehand keeps the page's own requests within their deadline.
 */
async function warmUp(app: RunningApp): Promise<void> {
  for (const route of ['/api/schema', '/api/graph/overview?limit=150']) {
    await fetch(`${app.url}${route}`).then((r) => r.arrayBuffer());
  }
}

/**
 * Options for every e2e file's top-level suites: their tests run in random order (vitest reads
 * `sequence.shuffle` only from the root config, which would shuffle the integration tests too),
 * so none can lean on the state another left behind. The seed is printed by e2e-order.ts.
 */
export const SHUFFLED = { shuffle: true } as const;

export interface ExplorerSession<T = unknown> {
  readonly db: Database;
  readonly app: RunningApp;
  readonly browser: Browser;
  /** The current test's page: every test gets a new one, in a browser context of its own. */
  readonly page: Page;
  /** Console errors and uncaught exceptions of the current test's page so far. */
  readonly pageErrors: string[];
  /** What `load` returned. */
  readonly loaded: T;
}

export interface ExplorerSessionOptions<T> {
  /** Fills the cleared test database before the app starts. */
  load: (db: Database) => Promise<T>;
  viewport?: { width: number; height: number };
  /** Console errors that are expected, e.g. 4xx answers the browser logs by itself. */
  ignoreErrors?: RegExp[];
  /**
   * Runs on each test's new page before the test: listeners, the first navigation. Tests may
   * run alone or in any order (SHUFFLED), so a test's starting state comes
   * from here or from the test itself, never from the test before it.
   */
  prepare?: (session: ExplorerSession<T>) => Promise<void>;
}

/**
 * The set-up every end-to-end file shares: its own data in the suite's Neo4j and the app serving
 * it, once per file; and for each test a new Chromium page in a context of its own (no cookies,
 * storage or history carried over). Registers the hooks of the enclosing suite; the database,
 * app and browser exist from its `beforeAll` on, the page from its `beforeEach`.
 */
export function useExplorerSession<T>(options: ExplorerSessionOptions<T>): ExplorerSession<T> {
  let db: Database | undefined;
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let pageErrors: string[] | undefined;
  let loaded: { value: T } | undefined;
  const open = <V>(value: V | undefined): V => {
    if (value === undefined) throw new Error('the end-to-end session is not open yet');
    return value;
  };
  const session: ExplorerSession<T> = {
    get db() {
      return open(db);
    },
    get app() {
      return open(app);
    },
    get browser() {
      return open(browser);
    },
    get page() {
      return open(page);
    },
    get pageErrors() {
      return open(pageErrors);
    },
    get loaded() {
      return open(loaded).value;
    },
  };
  beforeAll(async () => {
    db = openTestDatabase();
    await clearDatabase(db);
    loaded = { value: await options.load(db) };
    app = await startApp(db);
    await warmUp(app);
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    context = await open(browser).newContext({
      viewport: options.viewport ?? { width: 1280, height: 800 },
    });
    page = await context.newPage();
    pageErrors = collectPageErrors(page, options.ignoreErrors);
    await options.prepare?.(session);
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    page = undefined;
    pageErrors = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });
  return session;
}

/** Saves a full-page screenshot as test-artifacts/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The canvas once its layout has finished. */
export function laidOutCanvas(page: Page): Locator {
  return page.locator('[data-testid=graph-canvas][data-layout=done]');
}

/** How long a first load may take to lay out, on a busy machine. */
export const FIRST_LAYOUT_TIMEOUT_MS = 30_000;

/** Waits until the canvas's layout has finished (Playwright's default timeout unless given). */
export async function waitForLayout(page: Page, timeout?: number): Promise<void> {
  await laidOutCanvas(page).waitFor(timeout === undefined ? {} : { timeout });
}

/** Opens `url` in `page` and waits for the canvas's first layout. */
export async function openApp(
  page: Page,
  url: string,
  timeout = FIRST_LAYOUT_TIMEOUT_MS,
): Promise<void> {
  await page.goto(url);
  await waitForLayout(page, timeout);
}

/** Collects console errors and uncaught exceptions of a page, for "no console errors" checks. */
export function collectPageErrors(page: Page, ignore: RegExp[] = []): string[] {
  const errors: string[] = [];
  const keep = (text: string) => {
    if (!ignore.some((pattern) => pattern.test(text))) errors.push(text);
  };
  page.on('console', (message) => {
    if (message.type() === 'error') keep(message.text());
  });
  page.on('pageerror', (error) => keep(error.message));
  return errors;
}

/**
 * A TCP relay in front of Neo4j's Bolt port. `cut()` drops every connection and refuses new
 * ones, as a crashed or unreachable database would; `restore()` lets traffic through again.
 */
export interface BoltRelay {
  uri: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startBoltRelay(targetUri: string): Promise<BoltRelay> {
  const target = new URL(targetUri.replace(/^[a-z+]+:/, 'http:'));
  const targetPort = Number(target.port || 7687);
  let open = true;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    cut() {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      open = true;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
