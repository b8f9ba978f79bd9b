// The phone layout in headless Chromium at 390×844 against the seed meeting in a real Neo4j:
// search, graph and details are panes switched by a tab bar; the search is labelled and the
// canvas fills its pane; wider screens show everything at once without the bar.
import { describe, expect, test } from 'vitest';
import { useExplorerSession, screenshot, openApp, SHUFFLED } from '../support/browser.ts';
import { readCanvas } from './canvas-probe.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';

const e2e = useExplorerSession({ load: loadMeetingGraph, viewport: { width: 390, height: 844 } });

const tab = (name: string) =>
  e2e.page.getByRole('navigation', { name: 'Panes' }).getByRole('button', { name });
const canvas = () => e2e.page.getByTestId('graph-canvas');
const searchBox = () => e2e.page.getByRole('combobox', { name: 'Search the graph' });
const sidePanel = () => e2e.page.getByRole('complementary');

/** Opens the app from a link that selects Emomali Rahmon, as a shared link would. */
async function openWithRahmonSelected(): Promise<void> {
  const id = await e2e.db.read(async (tx) => {
    const result = await tx.run(
      "MATCH (p:Person {name: 'Emomali Rahmon'}) RETURN elementId(p) AS id LIMIT 1",
    );
    return result.records[0]?.get('id') as string | undefined;
  });
  if (id === undefined) throw new Error('the meeting graph has no Emomali Rahmon');
  await openApp(e2e.page, `${e2e.app.url}/?select=${encodeURIComponent(id)}`);
}

describe('phone layout', SHUFFLED, () => {
  test('opens on the graph pane, the canvas filling it', async () => {
    await openApp(e2e.page, e2e.app.url);
    expect(await tab('Graph').getAttribute('aria-pressed')).toBe('true');
    const box = await canvas().boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(380);
    expect(box?.height).toBeGreaterThanOrEqual(450);
    // The bar stays on screen, below the canvas.
    const bar = await e2e.page.getByRole('navigation', { name: 'Panes' }).boundingBox();
    expect((bar?.y ?? 0) + (bar?.height ?? 0)).toBeLessThanOrEqual(844);
    expect(bar?.y).toBeGreaterThanOrEqual((box?.y ?? 0) + (box?.height ?? 0) - 1);
    expect(await searchBox().isVisible()).toBe(false);
    expect(await sidePanel().isVisible()).toBe(false);
    // Cytoscape drew at the pane's size, captions included.
    const state = await readCanvas(e2e.page);
    expect(state.width).toBeGreaterThanOrEqual(380);
    expect(state.captions.length).toBeGreaterThan(0);
    await screenshot(e2e.page, 'phone-graph');
    expect(e2e.pageErrors).toEqual([]);
  });

  test('the search pane has a labelled box; a pick shows it on the graph pane', async () => {
    await openApp(e2e.page, e2e.app.url);
    await tab('Search').click();
    expect(await tab('Search').getAttribute('aria-pressed')).toBe('true');
    const label = e2e.page.locator('label.search__title');
    expect(await label.isVisible()).toBe(true);
    const labelBox = await label.boundingBox();
    expect(labelBox?.width).toBeGreaterThan(40);
    const inputBox = await searchBox().boundingBox();
    expect(inputBox?.width).toBeGreaterThanOrEqual(300);
    expect(await canvas().isVisible()).toBe(false);
    await searchBox().fill('rahmon');
    await e2e.page
      .getByRole('option', { name: /Emomali Rahmon/ })
      .first()
      .waitFor();
    await screenshot(e2e.page, 'phone-search');
    await e2e.page
      .getByRole('option', { name: /Emomali Rahmon/ })
      .first()
      .click();
    expect(await tab('Graph').getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(async () => {
        const state = await readCanvas(e2e.page);
        const at = state.rendered['Emomali Rahmon'];
        return (
          at !== undefined && at.x > 0 && at.x < state.width && at.y > 0 && at.y < state.height
        );
      })
      .toBe(true);
    await screenshot(e2e.page, 'phone-graph-picked');
    expect(e2e.pageErrors).toEqual([]);
  });

  test('the details pane shows the selection and hides the canvas', async () => {
    await openWithRahmonSelected();
    await tab('Details').click();
    expect(await canvas().isVisible()).toBe(false);
    expect(await sidePanel().isVisible()).toBe(true);
    await expect
      .poll(() =>
        e2e.page.getByTestId('node-details').getByRole('heading', { level: 2 }).textContent(),
      )
      .toBe('Emomali Rahmon');
    const panel = await sidePanel().boundingBox();
    expect(panel?.width).toBeGreaterThanOrEqual(380);
    await screenshot(e2e.page, 'phone-details');
    // Back on the graph, the canvas has its size again.
    await tab('Graph').click();
    await expect.poll(async () => (await readCanvas(e2e.page)).width).toBeGreaterThanOrEqual(380);
    expect(e2e.pageErrors).toEqual([]);
  });

  test('wider screens show search, canvas and details at once, without the bar', async () => {
    await openApp(e2e.page, e2e.app.url);
    await e2e.page.setViewportSize({ width: 1024, height: 768 });
    expect(await e2e.page.getByRole('navigation', { name: 'Panes' }).isVisible()).toBe(false);
    expect(await searchBox().isVisible()).toBe(true);
    expect(await canvas().isVisible()).toBe(true);
    expect(await sidePanel().isVisible()).toBe(true);
    expect(e2e.pageErrors).toEqual([]);
  });
});
