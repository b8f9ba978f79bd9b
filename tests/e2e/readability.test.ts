// Readability of the canvas in headless Chromium against the seed meeting in a real Neo4j: the
// first view has no overlapping captions at its fitted zoom and is the same on every load;
// Hierarchy and Circle fit at a zoom where captions are drawn; a search pick and an expansion's
// arrivals are brought into view.
import type { Core } from 'cytoscape';
import { afterEach, describe, expect, test } from 'vitest';
import {
  useExplorerSession,
  openApp,
  screenshot,
  waitForLayout,
  FIRST_LAYOUT_TIMEOUT_MS,
  SHUFFLED,
} from '../support/browser.ts';
import { CAPTION_FONT_SIZE, CAPTION_MIN_FONT_SIZE } from '../../client/src/graph/stylesheet.ts';
import { overlappingCaptions, readCanvas } from './canvas-probe.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';

// Every test starts on the first view of a page of its own.
const e2e = useExplorerSession({
  load: loadMeetingGraph,
  viewport: { width: 1440, height: 900 },
  prepare: ({ page, app }) => openApp(page, app.url),
});
// No test's page logs an error (checked before the session closes the page).
afterEach(() => expect(e2e.pageErrors).toEqual([]));

const laidOut = () => waitForLayout(e2e.page, FIRST_LAYOUT_TIMEOUT_MS);
/** The zoom from which Cytoscape draws captions at all. */
const CAPTIONS_DRAWN = CAPTION_MIN_FONT_SIZE / CAPTION_FONT_SIZE;

describe('readability', SHUFFLED, () => {
  test('the first view shows every caption, none overlapping another', async () => {
    const state = await readCanvas(e2e.page);
    await screenshot(e2e.page, 'readability-first-view');
    expect(state.zoom).toBeGreaterThanOrEqual(CAPTIONS_DRAWN);
    expect(state.captions.length).toBe(Object.keys(state.positions).length);
    expect(state.captions.length).toBeGreaterThan(5);
    expect(overlappingCaptions(state.captions)).toEqual([]);
    // The whole first view is in sight.
    for (const box of state.captions) {
      expect(box.x1, box.caption).toBeGreaterThanOrEqual(0);
      expect(box.x2, box.caption).toBeLessThanOrEqual(state.width);
      expect(box.y1, box.caption).toBeGreaterThanOrEqual(0);
      expect(box.y2, box.caption).toBeLessThanOrEqual(state.height);
    }
  });

  test('the same data gives the same picture on every load', async () => {
    const first = await readCanvas(e2e.page);
    await e2e.page.reload();
    await laidOut();
    const second = await readCanvas(e2e.page);
    expect(Object.keys(second.positions).sort()).toEqual(Object.keys(first.positions).sort());
    for (const [id, at] of Object.entries(first.positions)) {
      expect(second.positions[id]?.x, id).toBeCloseTo(at.x, 3);
      expect(second.positions[id]?.y, id).toBeCloseTo(at.y, 3);
    }
  });

  for (const [name, option] of [
    ['Hierarchy', 'breadthfirst'],
    ['Circle', 'circle'],
  ] as const) {
    test(`the ${name} layout fits at a zoom where captions are drawn`, async () => {
      await e2e.page.getByLabel('Layout').selectOption(option);
      await laidOut();
      const state = await readCanvas(e2e.page);
      await screenshot(e2e.page, `readability-${option}`);
      expect(state.zoom).toBeGreaterThanOrEqual(CAPTIONS_DRAWN);
      expect(state.captions.length).toBe(Object.keys(state.positions).length);
      expect(overlappingCaptions(state.captions)).toEqual([]);
    });
  }

  test('a picked search result is brought into view', async () => {
    await e2e.page.getByLabel('Layout').selectOption('fcose');
    await laidOut();
    // Look far away from the scene, zoomed out, then pick a node from the search.
    await e2e.page.evaluate(() => {
      const container = document.querySelector('[data-testid=graph-canvas]') as HTMLElement & {
        _cyreg: { cy: Core };
      };
      container._cyreg.cy.viewport({ zoom: 0.1, pan: { x: -5000, y: -5000 } });
    });
    const before = (await readCanvas(e2e.page)).positions;
    const box = e2e.page.getByRole('combobox', { name: 'Search the graph' });
    await box.fill('afghanistan');
    await e2e.page
      .getByRole('option', { name: /Afghanistan/ })
      .first()
      .click();
    await expect
      .poll(
        async () => {
          const state = await readCanvas(e2e.page);
          const at = state.rendered['Afghanistan'];
          return (
            at !== undefined &&
            at.x > 0 &&
            at.x < state.width &&
            at.y > 0 &&
            at.y < state.height &&
            state.zoom >= CAPTIONS_DRAWN
          );
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await screenshot(e2e.page, 'readability-search-pick');
    // What was drawn before stays where it was; only arrivals are placed.
    const after = (await readCanvas(e2e.page)).positions;
    for (const [id, at] of Object.entries(before)) {
      expect(after[id]?.x, id).toBeCloseTo(at.x, 3);
      expect(after[id]?.y, id).toBeCloseTo(at.y, 3);
    }
    expect(e2e.pageErrors).toEqual([]);
  });

  test("an expansion's arrivals are drawn on screen, even from a view looking elsewhere", async () => {
    await e2e.page.getByRole('button', { name: 'Clear', exact: true }).click();
    await expect.poll(async () => Object.keys((await readCanvas(e2e.page)).positions)).toEqual([]);
    // Look far away, zoomed out; a search pick puts the node on the canvas and expands it.
    await e2e.page.evaluate(() => {
      const container = document.querySelector('[data-testid=graph-canvas]') as HTMLElement & {
        _cyreg: { cy: Core };
      };
      container._cyreg.cy.viewport({ zoom: 0.2, pan: { x: 4000, y: -3000 } });
    });
    const box = e2e.page.getByRole('combobox', { name: 'Search the graph' });
    await box.fill('Emomali Rahmon');
    await e2e.page
      .getByRole('option', { name: /Emomali Rahmon/ })
      .first()
      .click();
    await expect
      .poll(
        async () => {
          const state = await readCanvas(e2e.page);
          const points = Object.values(state.rendered);
          return (
            points.length > 3 &&
            state.zoom >= CAPTIONS_DRAWN &&
            points.every((p) => p.x > 0 && p.x < state.width && p.y > 0 && p.y < state.height)
          );
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await screenshot(e2e.page, 'readability-expansion');
  });
});
