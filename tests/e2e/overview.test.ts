// The built app in headless Chromium against a real Neo4j holding the meeting graph: the first
// view draws the graph, the legend and counts match the database, and a node's details open.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { OverviewResponse } from '../../common/api.ts';
import {
  useExplorerSession,
  screenshot,
  openApp,
  laidOutCanvas,
  SHUFFLED,
} from '../support/browser.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';
import { countLabels, primaryLabel } from '../../client/src/graph/palette.ts';

const e2e = useExplorerSession({ load: loadMeetingGraph });

/** Counts canvas pixels that are clearly coloured (node fills), across Cytoscape's layers. */
async function colouredPixels(p: Page): Promise<number> {
  return p.evaluate(() => {
    let count = 0;
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>(
      '[data-testid=graph-canvas] canvas',
    )) {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0) continue;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i] ?? 0;
        const g = data[i + 1] ?? 0;
        const b = data[i + 2] ?? 0;
        const a = data[i + 3] ?? 0;
        if (a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 60) count += 1;
      }
    }
    return count;
  });
}

describe('overview', SHUFFLED, () => {
  test('draws the database overview with a matching legend, counts and Neo4j status', async () => {
    const expected = (await (
      await fetch(`${e2e.app.url}/api/graph/overview?limit=150`)
    ).json()) as OverviewResponse;
    expect(expected.nodes.length).toBeGreaterThan(5);

    await openApp(e2e.page, e2e.app.url);
    const canvas = laidOutCanvas(e2e.page);

    // Facts first: the passages that carry the evidence start hidden, with what ends at them.
    const sources = new Set(
      expected.nodes.filter((n) => n.labels.includes('Passage')).map((n) => n.id),
    );
    const facts = expected.nodes.filter((n) => !sources.has(n.id));
    const links = expected.relationships.filter(
      (r) => !sources.has(r.start) && !sources.has(r.end),
    );
    expect(await canvas.getAttribute('data-rendered-nodes')).toBe(String(facts.length));
    expect(await canvas.getAttribute('data-rendered-edges')).toBe(String(links.length));
    await expect
      .poll(() => e2e.page.getByTestId('scene-counts').textContent())
      .toContain(`${facts.length} nodes · ${links.length} relationships`);
    // One click on the label's box brings the sources back.
    await e2e.page.getByRole('checkbox', { name: 'Show Passage' }).check();
    await expect
      .poll(() => canvas.getAttribute('data-rendered-nodes'))
      .toBe(String(expected.nodes.length));
    await e2e.page.getByRole('checkbox', { name: 'Show Passage' }).uncheck();

    // Each node is listed under its most specific label: the one the fewest nodes carry.
    const counts = countLabels(expected.nodes);
    const labels = new Set(expected.nodes.map((n) => primaryLabel(n.labels, counts)));
    const legend = await e2e.page.getByTestId('legend-entry').allTextContents();
    expect(legend.map((row) => row.replace(/\d+$/, '')).sort()).toEqual([...labels].sort());

    await expect
      .poll(() => e2e.page.getByTestId('health-indicator').textContent())
      .toMatch(/Neo4j 5\.26/);
    expect(await e2e.page.getByRole('alert').count()).toBe(0);

    expect(await colouredPixels(e2e.page)).toBeGreaterThan(2_000);
    await screenshot(e2e.page, 'overview');
    expect(e2e.pageErrors).toEqual([]);
  });

  test('choosing a node from the list selects it and shows its properties', async () => {
    await openApp(e2e.page, e2e.app.url);
    await e2e.page.getByText(/Nodes on the canvas/).click();
    await e2e.page.getByRole('button', { name: /Emomali Rahmon/ }).click();
    const details = e2e.page.getByTestId('node-details');
    await details.waitFor();
    expect(await details.getByRole('heading', { level: 2 }).textContent()).toBe('Emomali Rahmon');
    expect(await details.getByRole('list', { name: 'Labels' }).textContent()).toContain('Person');
    expect(await details.textContent()).toContain('President');
    await screenshot(e2e.page, 'node-selected');
    expect(e2e.pageErrors).toEqual([]);
  });
});
