/**
 * The built client under the server's strict content security policy, in headless Chromium
 * against the seed graph: the canvas draws, search and details work, the Cypher console (its
 * editor injects styles) opens and runs a query, and the browser reports no CSP violation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { loadSeed } from '../../server/seed/index.ts';
import {
  collectPageErrors,
  launchBrowser,
  screenshot,
  startApp,
  type RunningApp,
} from '../support/browser.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';

let db: Database;
let app: RunningApp;
let browser: Browser;
let page: Page;
let pageErrors: string[];

declare global {
  interface Window {
    cspViolations: string[];
  }
}

beforeAll(async () => {
  db = openTestDatabase();
  await clearDatabase(db);
  await loadSeed(db);
  app = await startApp(db);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  pageErrors = collectPageErrors(page);
  // Violations are events in the page; collect them before any script of the app runs.
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await db?.close();
});

describe('the client under the content security policy', () => {
  it('is served with the policy and works without a single violation', async () => {
    const response = await page.goto(app.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    const canvas = page.locator('[data-testid=graph-canvas][data-layout=done]');
    await canvas.waitFor({ timeout: 60_000 });
    expect(Number(await canvas.getAttribute('data-rendered-nodes'))).toBeGreaterThan(5);

    const box = page.getByRole('combobox', { name: 'Search the graph' });
    await box.fill('Tajikistan');
    await page
      .getByRole('option', { name: /Tajikistan/ })
      .first()
      .click();
    await page.getByTestId('node-details').waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Cypher' }).click();
    await page.locator('.cm-content').waitFor({ timeout: 30_000 });
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('MATCH (c:Country) RETURN c.name AS name ORDER BY name');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('console-result').waitFor({ timeout: 30_000 });
    await screenshot(page, 'csp-console');

    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    expect(pageErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    expect(pageErrors).toEqual([]);

    // The control: an inline style element is refused and reported, so the check above can fail.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { background: red; }';
      document.head.append(style);
    });
    await expect
      .poll(() => page.evaluate(() => window.cspViolations))
      .toEqual([expect.stringMatching(/^style-src-elem blocked inline/)]);
  });
});
