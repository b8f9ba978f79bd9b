// The Cypher console in headless Chromium against the seed meeting in a real Neo4j: it loads
// lazily, runs a read with results as graph and table, explains a refused write and a syntax
// error with its position, and a link with a query reopens the console and runs it.
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
const consoleScripts: string[] = [];

beforeAll(async () => {
  db = openTestDatabase();
  await clearDatabase(db);
  await loadMeetingGraph(db);
  app = await startApp(db);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Refusals and syntax errors are answered with 4xx, which the browser logs by itself.
  pageErrors = collectPageErrors(page, [/status of 4\d\d/]);
  page.on('request', (request) => {
    if (/CypherConsole.*\.js$/.test(request.url())) consoleScripts.push(request.url());
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await db?.close();
});

async function typeQuery(text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

describe('Cypher console', () => {
  test('loads only when opened and runs a read: graph on the canvas, rows in the table', async () => {
    await page.goto(app.url);
    await page.locator('[data-testid=graph-canvas][data-layout=done]').waitFor({ timeout: 30_000 });
    expect(consoleScripts).toEqual([]);

    await page.getByRole('button', { name: 'Cypher' }).click();
    await page.locator('.cm-content').waitFor();
    expect(consoleScripts.length).toBe(1);
    await page.getByRole('button', { name: 'Clear' }).click();

    await typeQuery(
      'MATCH (p:Person)-[r:LEADS]->(c:Country) RETURN p.name AS leader, c, r ORDER BY leader',
    );
    await page.keyboard.press('Control+Enter');
    const result = page.getByTestId('console-result');
    await result.waitFor();
    const expected = await db.read((tx) =>
      tx.run('MATCH (p:Person)-[:LEADS]->(c:Country) RETURN count(*) AS n'),
    );
    const rows = Number(expected.records[0]?.get('n'));
    expect(rows).toBeGreaterThan(0);
    expect(await page.getByTestId('console-summary').textContent()).toMatch(
      new RegExp(`^${rows} rows? ·`),
    );
    // The graph view is chosen for results with elements; they are on the canvas.
    await expect
      .poll(() => page.getByTestId('graph-canvas').getAttribute('data-rendered-nodes'))
      .not.toBe('0');
    await page.getByRole('button', { name: 'Table' }).click();
    const table = result.getByRole('table');
    expect(await table.locator('tbody tr').count()).toBe(rows);
    expect(await table.locator('th').allTextContents()).toEqual(['leader', 'c', 'r']);
    expect(await table.textContent()).toContain('Emomali Rahmon');
    await screenshot(page, 'console-table');
    expect(page.url()).toContain('query=');
  });

  test('a write is refused with the reason in plain words', async () => {
    const before = await db.read((tx) => tx.run('MATCH (n) RETURN count(n) AS n'));
    await typeQuery("CREATE (:Country {name: 'Atlantis'})");
    await page.getByRole('button', { name: 'Run' }).click();
    const error = page.getByTestId('console-error');
    await error.waitFor();
    expect(await error.getAttribute('data-kind')).toBe('query-refused');
    expect(await error.textContent()).toContain('The console only reads');
    const after = await db.read((tx) => tx.run('MATCH (n) RETURN count(n) AS n'));
    expect(Number(after.records[0]?.get('n'))).toBe(Number(before.records[0]?.get('n')));
    await screenshot(page, 'console-refused-write');
  });

  test('a syntax error names its line and column', async () => {
    await typeQuery('MATCH (n)\nRETURN n LIMT 5');
    await page.getByRole('button', { name: 'Run' }).click();
    const error = page.getByTestId('console-error');
    await expect.poll(() => error.getAttribute('data-kind')).toBe('query-syntax');
    expect(await error.textContent()).toMatch(/Syntax error at line 2, column \d+/);
  });

  test('a link with a query opens the console and runs it', async () => {
    const link = `${app.url}/?base=empty&query=${encodeURIComponent('MATCH (c:Country) RETURN c.name AS name ORDER BY name')}`;
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await other.goto(link);
    await other.getByTestId('cypher-console').waitFor({ timeout: 20_000 });
    await other.getByRole('button', { name: 'Run' }).click();
    await other.getByTestId('console-result').waitFor();
    expect(await other.getByRole('table').textContent()).toContain('Tajikistan');
    await other.close();
    expect(pageErrors).toEqual([]);
  });
});
