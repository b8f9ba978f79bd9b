// The document view and the path finder in headless Chromium against the seed meeting in a
// real Neo4j: evidence opens its paragraph with mentions linked both ways; two entities give
// paths highlighted on the canvas with evidence per hop; a path link survives a reload.
import { describe, expect, test } from 'vitest';
import { useExplorerSession, screenshot, openApp, SHUFFLED } from '../support/browser.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';

const e2e = useExplorerSession({
  load: loadMeetingGraph,
  prepare: async ({ page, app }) => {
    await openApp(page, app.url);
  },
});

const heading = () => e2e.page.getByTestId('node-details').getByRole('heading', { level: 2 });

async function pick(field: string, text: string, option: RegExp): Promise<void> {
  const box = e2e.page.getByRole('combobox', { name: field });
  await box.fill(text);
  await e2e.page.getByRole('option', { name: option }).first().waitFor();
  await box.press('ArrowDown');
  await box.press('Enter');
}

describe('document view', SHUFFLED, () => {
  test('opens from evidence with mentions linked to their nodes', async () => {
    expect(e2e.loaded, 'the document view needs the seed graph with passages').toBe('seed');
    await pick('Search the graph', 'rahmon', /Emomali Rahmon/);
    await e2e.page.getByTestId('evidence').waitFor();
    await e2e.page
      .getByRole('button', { name: /open in document/ })
      .first()
      .click();

    const doc = e2e.page.getByTestId('document-view');
    await doc.waitFor();
    expect(await doc.getByRole('heading', { level: 2 }).textContent()).toContain(
      'Top-level meetings and negotiations between Tajikistan and Russi',
    );
    // Every paragraph of the source is there, with the selected node's mentions in focus.
    expect(await doc.locator('[data-passage]').count()).toBeGreaterThanOrEqual(6);
    expect(await doc.locator('.mention--focus').allTextContents()).toContain('Emomali Rahmon');
    expect(await doc.locator('a.mention').count()).toBeGreaterThan(20);
    await screenshot(e2e.page, 'document-view');

    // Mention → node: the mentioned entity becomes the selection.
    await doc.getByRole('link', { name: 'Order of Alexander Nevsky' }).first().click();
    await e2e.page.getByRole('tab', { name: 'Details' }).click();
    await expect.poll(() => heading().textContent()).toBe('Order of Alexander Nevsky');
    expect(e2e.pageErrors).toEqual([]);
  });
});

describe('path finder', SHUFFLED, () => {
  test('finds paths between two entities, highlights them and lists evidence per hop', async () => {
    await pick('Search the graph', 'rahmon', /Emomali Rahmon/);
    await expect.poll(() => heading().textContent()).toBe('Emomali Rahmon');
    await e2e.page.getByRole('tab', { name: 'Paths' }).click();
    await e2e.page.getByRole('button', { name: 'Use selected: Emomali Rahmon' }).first().click();
    await pick('To: search for an entity', 'putin', /Vladimir Putin/);
    expect(await e2e.page.getByTestId('path-from').textContent()).toBe('Emomali Rahmon');
    expect(await e2e.page.getByTestId('path-to').textContent()).toBe('Vladimir Putin');
    await e2e.page.getByRole('button', { name: 'Find paths' }).click();

    const list = e2e.page.getByTestId('path-list');
    await list.waitFor();
    expect(await list.getByRole('button', { name: /^Shortest · \d+ hops?$/ }).count()).toBe(1);
    const hops = list.locator('.hops__hop');
    expect(await hops.count()).toBeGreaterThan(0);
    // The hop into Putin's side rests on background knowledge; the badge says so.
    expect(await list.getByTestId('background-badge').count()).toBeGreaterThan(0);
    const highlighted = Number(
      await e2e.page.getByTestId('graph-canvas').getAttribute('data-highlighted'),
    );
    expect(highlighted).toBe((await hops.count()) * 2 + 1);
    // Everything off the path steps back: every drawn element but the path's is dimmed.
    const canvasEl = e2e.page.getByTestId('graph-canvas');
    const drawnCount =
      Number(await canvasEl.getAttribute('data-rendered-nodes')) +
      Number(await canvasEl.getAttribute('data-rendered-edges'));
    expect(drawnCount).toBeGreaterThan(highlighted);
    expect(Number(await canvasEl.getAttribute('data-dimmed'))).toBe(drawnCount - highlighted);
    await screenshot(e2e.page, 'path-finder');

    expect(e2e.page.url()).toMatch(/from=.+&to=.+/);
    const link = e2e.page.url();
    await e2e.page.goto(link);
    await e2e.page.getByTestId('path-list').waitFor({ timeout: 20_000 });
    expect(await e2e.page.getByTestId('path-to').textContent()).toBe('Vladimir Putin');
    await expect
      .poll(() => e2e.page.getByTestId('graph-canvas').getAttribute('data-highlighted'))
      .toBe(String(highlighted));
    expect(e2e.pageErrors).toEqual([]);
  });
});
