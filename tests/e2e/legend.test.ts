// Legend filters and colours in headless Chromium against the seed meeting in a real Neo4j:
// unticking a label or relationship type hides it from the canvas; a chosen label colour is
// kept for the database and comes back after a reload.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Database } from '../../server/db/database.ts';
import {
  collectPageErrors,
  launchBrowser,
  screenshot,
  startApp,
  type RunningApp,
} from '../support/browser.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';

let db: Database;
let app: RunningApp;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  db = openTestDatabase();
  await clearDatabase(db);
  await loadMeetingGraph(db);
  app = await startApp(db);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  pageErrors = collectPageErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await db?.close();
});

const canvas = () => page.getByTestId('graph-canvas');
const drawn = async (what: 'nodes' | 'edges') =>
  Number(await canvas().getAttribute(`data-rendered-${what}`));
const rowCount = async (testId: string, name: string) => {
  const row = page.getByTestId(testId).filter({ hasText: name });
  return Number((await row.locator('.legend__count').textContent()) ?? 'NaN');
};

describe('legend', () => {
  test('unticking a label or a relationship type hides it from the canvas', async () => {
    await page.goto(app.url);
    await page.locator('[data-testid=graph-canvas][data-layout=done]').waitFor({ timeout: 30_000 });
    const nodes = await drawn('nodes');
    const edges = await drawn('edges');

    const countries = await rowCount('legend-entry', 'Country');
    expect(countries).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: 'Show Country' }).uncheck();
    await expect.poll(() => drawn('nodes')).toBe(nodes - countries);
    await page.getByRole('checkbox', { name: 'Show Country' }).check();
    await expect.poll(() => drawn('nodes')).toBe(nodes);

    await page.getByText(/^Relationship types/).click();
    const type = (await page
      .getByTestId('type-entry')
      .first()
      .locator('.legend__label')
      .textContent()) as string;
    const ofType = await rowCount('type-entry', type);
    await page.getByRole('checkbox', { name: `Show ${type}` }).uncheck();
    await expect.poll(() => drawn('edges')).toBe(edges - ofType);
    expect(await drawn('nodes')).toBe(nodes);
    await screenshot(page, 'legend-type-hidden');
    await page.getByRole('checkbox', { name: `Show ${type}` }).check();
    await expect.poll(() => drawn('edges')).toBe(edges);
  });

  test('a chosen label colour is kept for the database', async () => {
    const colour = page.getByLabel('Colour for Person');
    await colour.fill('#c81e1e');
    await page.reload();
    await page.locator('[data-testid=graph-canvas][data-layout=done]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByLabel('Colour for Person').inputValue()).toBe('#c81e1e');
    await screenshot(page, 'legend-colour');
    expect(pageErrors).toEqual([]);
  });

  test('the database overview shows counts and the schema; a label opens its nodes', async () => {
    const overview = page.getByTestId('database-overview');
    await overview.waitFor();
    await page.getByTestId('schema-diagram').waitFor();
    const expected = await db.read((tx) => tx.run('MATCH (n:Country) RETURN count(n) AS n'));
    const countries = Number(expected.records[0]?.get('n'));
    const byLabel = overview.getByRole('list', { name: 'Nodes by label' });
    const row = byLabel.getByRole('button', { name: /^Country/ });
    expect(await row.locator('.bars__count').textContent()).toBe(String(countries));
    await screenshot(page, 'database-overview');

    await row.click();
    const result = page.getByTestId('console-result');
    await result.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('console-summary').textContent()).toMatch(
      new RegExp(`^${countries} rows? ·`),
    );
    expect(pageErrors).toEqual([]);
  });
});
