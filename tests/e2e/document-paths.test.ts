// The document view and the path finder in headless Chromium against the seed meeting in a
// real Neo4j: evidence opens its paragraph with mentions linked both ways; two entities give
// paths highlighted on the canvas with evidence per hop; a path link survives a reload.
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
let source: 'seed' | 'fixture';

beforeAll(async () => {
  db = openTestDatabase();
  await clearDatabase(db);
  source = await loadMeetingGraph(db);
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

const heading = () => page.getByTestId('node-details').getByRole('heading', { level: 2 });

async function pick(field: string, text: string, option: RegExp): Promise<void> {
  const box = page.getByRole('combobox', { name: field });
  await box.fill(text);
  await page.getByRole('option', { name: option }).first().waitFor();
  await box.press('ArrowDown');
  await box.press('Enter');
}

describe('document view', () => {
  test('opens from evidence with mentions linked to their nodes', async () => {
    expect(source, 'the document view needs the seed graph with passages').toBe('seed');
    await page.goto(app.url);
    await page.locator('[data-testid=graph-canvas][data-layout=done]').waitFor({ timeout: 30_000 });
    await pick('Search the graph', 'rahmon', /Emomali Rahmon/);
    await page.getByTestId('evidence').waitFor();
    await page
      .getByRole('button', { name: /open in document/ })
      .first()
      .click();

    const doc = page.getByTestId('document-view');
    await doc.waitFor();
    expect(await doc.getByRole('heading', { level: 2 }).textContent()).toContain(
      'Top-level meetings and negotiations between Tajikistan and Russi',
    );
    // Every paragraph of the source is there, with the selected node's mentions in focus.
    expect(await doc.locator('[data-passage]').count()).toBeGreaterThanOrEqual(6);
    expect(await doc.locator('.mention--focus').allTextContents()).toContain('Emomali Rahmon');
    expect(await doc.locator('a.mention').count()).toBeGreaterThan(20);
    await screenshot(page, 'document-view');

    // Mention → node: the mentioned entity becomes the selection.
    await doc.getByRole('link', { name: 'Order of Alexander Nevsky' }).first().click();
    await page.getByRole('tab', { name: 'Details' }).click();
    await expect.poll(() => heading().textContent()).toBe('Order of Alexander Nevsky');
    expect(pageErrors).toEqual([]);
  });
});

describe('path finder', () => {
  test('finds paths between two entities, highlights them and lists evidence per hop', async () => {
    await pick('Search the graph', 'rahmon', /Emomali Rahmon/);
    await expect.poll(() => heading().textContent()).toBe('Emomali Rahmon');
    await page.getByRole('tab', { name: 'Paths' }).click();
    await page.getByRole('button', { name: 'Use selected: Emomali Rahmon' }).first().click();
    await pick('To: search for an entity', 'putin', /Vladimir Putin/);
    expect(await page.getByTestId('path-from').textContent()).toBe('Emomali Rahmon');
    expect(await page.getByTestId('path-to').textContent()).toBe('Vladimir Putin');
    await page.getByRole('button', { name: 'Find paths' }).click();

    const list = page.getByTestId('path-list');
    await list.waitFor();
    expect(await list.getByRole('button', { name: /^Shortest · \d+ hops?$/ }).count()).toBe(1);
    const hops = list.locator('.hops__hop');
    expect(await hops.count()).toBeGreaterThan(0);
    // The hop into Putin's side rests on background knowledge; the badge says so.
    expect(await list.getByTestId('background-badge').count()).toBeGreaterThan(0);
    const highlighted = Number(
      await page.getByTestId('graph-canvas').getAttribute('data-highlighted'),
    );
    expect(highlighted).toBe((await hops.count()) * 2 + 1);
    await screenshot(page, 'path-finder');

    expect(page.url()).toMatch(/from=.+&to=.+/);
    const link = page.url();
    await page.goto(link);
    await page.getByTestId('path-list').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('path-to').textContent()).toBe('Vladimir Putin');
    await expect
      .poll(() => page.getByTestId('graph-canvas').getAttribute('data-highlighted'))
      .toBe(String(highlighted));
    expect(pageErrors).toEqual([]);
  });
});
