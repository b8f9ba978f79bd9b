// The app's states beyond the happy path, in headless Chromium against a real Neo4j: an empty
// database, and Neo4j going away (banner, error) and coming back (the app recovers by itself).
// Each test puts the database in the state it is about and opens a page of its own.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Database } from '../../server/db/database.ts';
import {
  collectPageErrors,
  launchBrowser,
  screenshot,
  startApp,
  startBoltRelay,
  type BoltRelay,
  type RunningApp,
  waitForLayout,
  laidOutCanvas,
  SHUFFLED,
} from '../support/browser.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';

let direct: Database;
let relay: BoltRelay;
let viaRelay: Database;
let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  direct = openTestDatabase();
  // The app reaches Neo4j through a relay the test can cut, as an outage would.
  relay = await startBoltRelay(direct.target.uri);
  viaRelay = new Database({ ...direct.target, uri: relay.uri });
  app = await startApp(viaRelay);
  browser = await launchBrowser();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  // While Neo4j is away the failed requests are logged by the browser itself; that is expected.
  pageErrors = collectPageErrors(page, [/status of 503/]);
});

afterEach(async () => {
  await context?.close();
  // A test that failed while Neo4j was cut off leaves it reachable for the next one.
  relay?.restore();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await viaRelay?.close();
  await relay?.close();
  await direct?.close();
});

describe('states', SHUFFLED, () => {
  test('an empty database says so and how to load data', async () => {
    await clearDatabase(direct);
    await page.goto(app.url);
    const empty = page.getByTestId('empty-state');
    await empty.waitFor({ timeout: 20_000 });
    expect(await empty.textContent()).toContain('The database is empty');
    expect(await empty.textContent()).toContain('npm run seed');
    await screenshot(page, 'empty-database');
    expect(pageErrors).toEqual([]);
  });

  test('Neo4j down shows a banner; the graph appears by itself once it is back', async () => {
    await clearDatabase(direct);
    await loadMeetingGraph(direct);
    // As the app does at start (server/warm-up.ts): the first schema read and overview of a new
    // graph spend seconds planning queries; that is not what this test waits for.
    for (const route of ['/api/schema', '/api/graph/overview?limit=150'])
      await fetch(`${app.url}${route}`).then((r) => r.arrayBuffer());
    relay.cut();
    await page.goto(app.url);

    const banner = page.getByRole('alert').filter({ hasText: 'Neo4j is unavailable' });
    await banner.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('health-indicator').textContent()).toContain('Neo4j unavailable');
    await page.getByText('The graph could not be loaded').waitFor({ timeout: 20_000 });
    await screenshot(page, 'neo4j-down');

    relay.restore();
    await waitForLayout(page, 20_000);
    const canvas = laidOutCanvas(page);
    expect(Number(await canvas.getAttribute('data-rendered-nodes'))).toBeGreaterThan(5);
    await banner.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'neo4j-recovered');
    expect(pageErrors).toEqual([]);
  });
});
