// A scene of thousands of elements in headless Chromium against a real Neo4j: the canvas
// switches to Cytoscape's WebGL mode past the threshold and back to canvas when it shrinks.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { WEBGL_ON_AT } from '../../client/src/graph/renderer.ts';
import type { Database } from '../../server/db/database.ts';
import {
  collectPageErrors,
  launchBrowser,
  screenshot,
  startApp,
  type RunningApp,
} from '../support/browser.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';

const STATIONS = 1_200;
const HUB_SPOKES = 120;

let db: Database;
let app: RunningApp;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  db = openTestDatabase();
  await clearDatabase(db);
  // A ring of stations, each also linked to a station further on: 1,200 nodes, 2,400 links.
  await db.write((tx) =>
    tx.run('UNWIND range(0, $n - 1) AS i CREATE (:Station {name: "Station " + i, idx: i})', {
      n: STATIONS,
    }),
  );
  await db.write((tx) =>
    tx.run(
      `MATCH (s:Station) WITH s ORDER BY s.idx WITH collect(s) AS ring
       UNWIND range(0, size(ring) - 1) AS i
       WITH ring[i] AS a, ring[(i + 1) % size(ring)] AS b, ring[(i * 7 + 3) % size(ring)] AS c
       CREATE (a)-[:LINK]->(b), (a)-[:LINK]->(c)`,
    ),
  );
  // A hub with more neighbours than one page brings in.
  await db.write((tx) =>
    tx.run(
      `CREATE (h:Hub {name: 'Central Hub'}) WITH h
       MATCH (s:Station) WHERE s.idx < $spokes CREATE (h)-[:SERVES]->(s)`,
      { spokes: HUB_SPOKES },
    ),
  );
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

describe('large scenes', () => {
  test('switch to WebGL past the threshold and back to canvas when cleared', async () => {
    const query =
      'MATCH (a:Station)-[r:LINK]->() RETURN collect(DISTINCT a) AS stations, collect(r) AS links';
    await page.goto(`${app.url}/?base=empty&query=${encodeURIComponent(query)}`);
    const canvas = page.getByTestId('graph-canvas');
    await page.getByRole('button', { name: 'Run' }).click();
    await expect
      .poll(() => canvas.getAttribute('data-rendered-nodes'), { timeout: 60_000 })
      .toBe(String(STATIONS));
    expect(Number(await canvas.getAttribute('data-rendered-edges'))).toBe(2 * STATIONS);
    expect(STATIONS * 3).toBeGreaterThanOrEqual(WEBGL_ON_AT);
    expect(await canvas.getAttribute('data-renderer')).toBe('webgl');
    await page.locator('[data-testid=graph-canvas][data-layout=done]').waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: 'Close the console' }).click();
    await screenshot(page, 'large-scene-webgl');

    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => canvas.getAttribute('data-renderer')).toBe('canvas');
    expect(await canvas.getAttribute('data-rendered-nodes')).toBe('0');
    expect(pageErrors).toEqual([]);
  });

  test("a hub's neighbourhood comes in pages: N of M shown, then more", async () => {
    await page.goto(`${app.url}/?base=empty`);
    await page.getByTestId('blank-canvas').waitFor({ timeout: 30_000 });
    const box = page.getByRole('combobox', { name: 'Search the graph' });
    await box.fill('Central Hub');
    await page
      .getByRole('option', { name: /Central Hub/ })
      .first()
      .waitFor();
    await box.press('ArrowDown');
    await box.press('Enter');
    const count = page.getByTestId('expansion-count');
    await expect
      .poll(() => count.textContent())
      .toBe(`50 of ${HUB_SPOKES} relationships shownShow more`);
    await count.getByRole('button', { name: 'Show more' }).click();
    await expect
      .poll(() => count.textContent())
      .toBe(`100 of ${HUB_SPOKES} relationships shownShow more`);
    await count.getByRole('button', { name: 'Show more' }).click();
    await expect
      .poll(() => count.textContent())
      .toBe(`${HUB_SPOKES} of ${HUB_SPOKES} relationships shown`);
    expect(await page.getByTestId('graph-canvas').getAttribute('data-rendered-nodes')).toBe(
      String(HUB_SPOKES + 1),
    );
    await screenshot(page, 'hub-pages');
    expect(pageErrors).toEqual([]);
  });
});
