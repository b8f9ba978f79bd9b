// The same explorer on a database that is not ours: the movies example graph. Labels, colours,
// captions, search, details, expansion, the console and a path all work from its own schema.
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
import {
  SHARED_MISSING_MESSAGE,
  clearDatabase,
  hasSharedDatasets,
  loadMovies,
  openTestDatabase,
} from '../support/neo4j.ts';

let db: Database;
let app: RunningApp;
let browser: Browser;
let page: Page;
let pageErrors: string[];

const heading = () => page.getByTestId('node-details').getByRole('heading', { level: 2 });
const renderedNodes = async () =>
  Number(await page.getByTestId('graph-canvas').getAttribute('data-rendered-nodes'));

async function pick(field: string, text: string, option: RegExp): Promise<void> {
  const box = page.getByRole('combobox', { name: field });
  await box.fill(text);
  await page.getByRole('option', { name: option }).first().waitFor();
  await box.press('ArrowDown');
  await box.press('Enter');
}

describe.skipIf(!hasSharedDatasets)(`movies example graph (${SHARED_MISSING_MESSAGE})`, () => {
  beforeAll(async () => {
    db = openTestDatabase();
    await clearDatabase(db);
    await loadMovies(db);
    app = await startApp(db);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    pageErrors = collectPageErrors(page, [/status of 4\d\d/]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  test('the overview shows its own labels, with movie titles and names as captions', async () => {
    await page.goto(app.url);
    await page.locator('[data-testid=graph-canvas][data-layout=done]').waitFor({ timeout: 30_000 });
    expect(await renderedNodes()).toBeGreaterThan(100);
    const legend = (await page.getByTestId('legend-entry').allTextContents()).map((t) =>
      t.replace(/\d+$/, ''),
    );
    expect(legend.sort()).toEqual(['Movie', 'Person']);
    await page.getByText(/Nodes on the canvas/).click();
    expect(await page.getByRole('button', { name: /^The Matrix\s*Movie$/ }).count()).toBe(1);
    await screenshot(page, 'movies-overview');
  });

  test('search, details with degree per type, and expansion', async () => {
    await page.getByRole('button', { name: 'Clear' }).click();
    await pick('Search the graph', 'keanu', /Keanu Reeves/);
    await expect.poll(() => heading().textContent()).toBe('Keanu Reeves');
    const byType = page.getByRole('list', { name: 'Relationships by type' });
    await byType.waitFor();
    expect(await byType.textContent()).toContain('ACTED_IN');
    // Bringing a node in expands it: Keanu and his films.
    await expect.poll(() => renderedNodes()).toBeGreaterThan(5);
    expect(await page.getByTestId('expansion-count').textContent()).toMatch(
      /^(\d+) of \1 relationships shown$/,
    );
    await screenshot(page, 'movies-keanu');
  });

  test('the console and the path finder work on its schema', async () => {
    await page.getByRole('button', { name: 'Cypher' }).click();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(
      "MATCH (m:Movie {title: 'The Matrix'})<-[:DIRECTED]-(d) RETURN d.name AS director ORDER BY director",
    );
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByTestId('console-result').waitFor();
    await page.getByRole('button', { name: 'Table' }).click();
    expect(await page.getByRole('table').locator('tbody').textContent()).toContain(
      'Lana Wachowski',
    );
    await page.getByRole('button', { name: 'Close the console' }).click();

    await page.getByRole('tab', { name: 'Paths' }).click();
    await page.getByRole('button', { name: 'Use selected: Keanu Reeves' }).first().click();
    await pick('To: search for an entity', 'hanks', /Tom Hanks/);
    await page.getByRole('button', { name: 'Find paths' }).click();
    const list = page.getByTestId('path-list');
    await list.waitFor();
    expect(await list.getByRole('button', { name: /^Shortest · \d+ hops?$/ }).count()).toBe(1);
    expect(await list.textContent()).toMatch(/ACTED_IN|DIRECTED|PRODUCED|WROTE/);
    await screenshot(page, 'movies-path');
    expect(pageErrors).toEqual([]);
  });
});
