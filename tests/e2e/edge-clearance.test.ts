// No false chains: on the seed's first view, after an expansion, and on foreign graphs' first
// views, no edge passes through a node it does not join (canvas-probe's nodesOnEdges, from
// rendered positions), while captions stay apart.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useExplorerSession, screenshot, openApp, SHUFFLED } from '../support/browser.ts';
import {
  SHARED_MISSING_MESSAGE,
  hasSharedDatasets,
  loadMovies,
  loadAirports,
} from '../support/neo4j.ts';
import { loadForeignGraph } from '../support/foreign-graph.ts';
import { nodesOnEdges, overlappingCaptions, readCanvas } from './canvas-probe.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';

const VIEWPORT = { width: 1440, height: 900 };

const renderedNodes = async (page: Page) =>
  Number(await page.getByTestId('graph-canvas').getAttribute('data-rendered-nodes'));

describe('the seed meeting', SHUFFLED, () => {
  const e2e = useExplorerSession({ load: loadMeetingGraph, viewport: VIEWPORT });

  test('no node circle intersects an edge it does not join on the first view', async () => {
    await openApp(e2e.page, e2e.app.url);
    await screenshot(e2e.page, 'edge-clearance-seed');
    expect(await nodesOnEdges(e2e.page)).toEqual([]);
    expect(overlappingCaptions((await readCanvas(e2e.page)).captions)).toEqual([]);
  });

  test('nor after an expansion', async () => {
    await openApp(e2e.page, e2e.app.url);
    // A search pick on a cleared canvas puts the node there and expands it: its neighbours
    // arrive on rings around it.
    await e2e.page.getByRole('button', { name: 'Clear', exact: true }).click();
    await expect.poll(() => renderedNodes(e2e.page)).toBe(0);
    const box = e2e.page.getByRole('combobox', { name: 'Search the graph' });
    await box.fill('Top-level talks');
    await e2e.page
      .getByRole('option', { name: /Top-level talks/ })
      .first()
      .click();
    await expect.poll(() => renderedNodes(e2e.page), { timeout: 15_000 }).toBeGreaterThan(5);
    await e2e.page.waitForTimeout(600);
    await screenshot(e2e.page, 'edge-clearance-seed-expanded');
    expect(await nodesOnEdges(e2e.page)).toEqual([]);
    expect(overlappingCaptions((await readCanvas(e2e.page)).captions)).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});

describe('a foreign schema', SHUFFLED, () => {
  const e2e = useExplorerSession({ load: loadForeignGraph, viewport: VIEWPORT });

  test('no node circle intersects an edge it does not join on the first view', async () => {
    await openApp(e2e.page, e2e.app.url, 60_000);
    await screenshot(e2e.page, 'edge-clearance-foreign');
    expect(await nodesOnEdges(e2e.page)).toEqual([]);
  });
});

/**
 * Dense example graphs where zero is out of reach without giving up caption spacing: movies'
 * actors and films share many neighbours, and the airport routes' first view is a tangle of
 * long routes between hub airports. The picture depends on the database's element ids, so the
 * counts were measured over differently numbered loads of the same data: old layout movies 66,
 * airports 626; with edge clearance movies 3–40 over 13 loads (median 9), airports 148–311.
 */
const MOVIES_BOUND = 45;
const AIRPORTS_BOUND = 400;

describe.skipIf(!hasSharedDatasets)(
  `the example graphs (${SHARED_MISSING_MESSAGE})`,
  SHUFFLED,
  () => {
    describe('movies', () => {
      const e2e = useExplorerSession({ load: loadMovies, viewport: VIEWPORT });
      test('no node circle intersects an edge it does not join on the first view', async () => {
        await openApp(e2e.page, e2e.app.url);
        await screenshot(e2e.page, 'edge-clearance-movies');
        expect((await nodesOnEdges(e2e.page)).length).toBeLessThanOrEqual(MOVIES_BOUND);
      });
    });
    describe('airport routes', () => {
      const e2e = useExplorerSession({ load: loadAirports, viewport: VIEWPORT });
      test('no node circle intersects an edge it does not join on the first view', async () => {
        await openApp(e2e.page, e2e.app.url, 60_000);
        await screenshot(e2e.page, 'edge-clearance-airports');
        expect((await nodesOnEdges(e2e.page)).length).toBeLessThanOrEqual(AIRPORTS_BOUND);
      });
    });
  },
);
