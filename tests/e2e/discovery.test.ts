// Discovery in headless Chromium against a real Neo4j holding the seed meeting: a phrase typed
// in the header search ("X to Y", "A and B") opens the Discover tab with ranked paths or what
// the two share, with quotes, highlighted on the canvas; centrality as a table and as node size
// and colour; the timeline and its window; suggestions for the selection. Screenshots under
// test-artifacts/discovery-*.png.
import { describe, expect, test } from 'vitest';
import { useExplorerSession, screenshot, openApp, SHUFFLED } from '../support/browser.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';

const e2e = useExplorerSession({
  load: loadMeetingGraph,
  viewport: { width: 1280, height: 860 },
  prepare: async ({ page, app }) => {
    await openApp(page, app.url);
  },
});

const panel = () => e2e.page.getByTestId('discovery-panel');
const highlighted = async () =>
  Number(await e2e.page.getByTestId('graph-canvas').getAttribute('data-highlighted'));
const dimmed = async () =>
  Number(await e2e.page.getByTestId('graph-canvas').getAttribute('data-dimmed'));
const drawnElements = async () => {
  const canvas = e2e.page.getByTestId('graph-canvas');
  return (
    Number(await canvas.getAttribute('data-rendered-nodes')) +
    Number(await canvas.getAttribute('data-rendered-edges'))
  );
};

/** Each test starts on the overview; those that use the panel itself open its tab first. */
async function openDiscover(): Promise<void> {
  await e2e.page.getByRole('tab', { name: 'Discover' }).click();
  await panel().waitFor();
}

async function askInHeader(phrase: string): Promise<void> {
  const box = e2e.page.getByRole('combobox', { name: 'Search the graph' });
  await box.fill(phrase);
  await box.press('Enter');
}

describe('discovery', SHUFFLED, () => {
  test('the seed graph is loaded', () => {
    expect(e2e.loaded).toBe('seed');
  });

  test('"Tajikistan to Russia" in the search box connects them, with quotes, on the canvas', async () => {
    await askInHeader('Tajikistan to Russia');
    await e2e.page.getByRole('tab', { name: 'Discover', selected: true }).waitFor();
    const paths = panel().getByTestId('connect-paths');
    await paths.waitFor();
    const routes = await paths.locator('.discovery__route').allTextContents();
    expect(routes).toEqual([
      'Tajikistan → Russia',
      'Tajikistan → 25th anniversary of diplomatic relations between Tajikistan and Russia → Russia',
      'Tajikistan → Collective Security Treaty Organization → Russia',
    ]);
    // The direct hop: seven relationships, each with its quote.
    const hops = panel().getByTestId('connect-hops');
    expect(await hops.locator('code').allTextContents()).toEqual(
      expect.arrayContaining(['STRATEGIC_PARTNER_OF', 'TRADES_WITH', 'PRIORITISES', 'EXPORTS_TO']),
    );
    expect(await hops.getByTestId('discovery-quote').count()).toBe(7);
    // Two nodes and the seven relationships between them are highlighted.
    await expect.poll(highlighted).toBe(9);
    // The rest of the canvas is dimmed so the answer stands out.
    await expect.poll(dimmed).toBe((await drawnElements()) - 9);
    expect(await dimmed()).toBeGreaterThan(0);
    await screenshot(e2e.page, 'discovery-connect');

    // Choosing the alternative through the CSTO highlights its three nodes and two relationships.
    await panel()
      .getByRole('button', { name: /Collective Security Treaty Organization → Russia/ })
      .click();
    await expect.poll(highlighted).toBe(5);
    expect(await panel().getByTestId('connect-hops').textContent()).toContain('MEMBER_OF');
    expect(e2e.pageErrors).toEqual([]);
  });

  test('"Tajikistan and Russia" shows what they share, grouped by kind, with evidence', async () => {
    await askInHeader('Tajikistan and Russia');
    const result = panel().getByTestId('share-result');
    await result.waitFor();
    const titles = await result.locator('.discovery__group-title').allTextContents();
    expect(titles).toEqual([
      'Anniversary linked to all of them (1)',
      'Indicator linked to all of them (1)',
      'Meeting linked to all of them (1)',
      'Organisation linked to all of them (4)',
      'Person linked to all of them (1)',
      'Proposal linked to all of them (1)',
      'Sphere linked to all of them (1)',
      'Sphere discussed at meetings each took part in (26)',
      'Documents mentioning all of them',
    ]);
    expect(await result.textContent()).toContain('background knowledge');
    expect(await highlighted()).toBeGreaterThan(20);
    await screenshot(e2e.page, 'discovery-share');
    expect(e2e.pageErrors).toEqual([]);
  });

  test('a phrase that matches nothing says so', async () => {
    await openDiscover();
    await panel().getByTestId('discovery-ask').fill('Tajikistan to Qwxzzv');
    await panel().getByRole('button', { name: 'Ask' }).click();
    await expect
      .poll(() => panel().getByTestId('discovery-reading').textContent())
      .toContain('Nothing in the graph matches "Qwxzzv".');
    expect(e2e.pageErrors).toEqual([]);
  });

  test('centrality: ranked table, and node size and colour on the canvas', async () => {
    await openDiscover();
    await panel().getByRole('button', { name: 'Central' }).click();
    const table = panel().getByTestId('centrality-table');
    await table.waitFor();
    const first = table.locator('tbody tr').first();
    expect(await first.locator('td').allTextContents()).toEqual([
      '1',
      'Top-level talks between Tajikistan and Russia',
      '46',
      '46',
      expect.stringMatching(/^\d+$/),
    ]);
    const section = panel().getByTestId('centrality');
    const styled = async () => Number(await section.getAttribute('data-styled'));
    const onCanvas = Number(
      await e2e.page.getByTestId('graph-canvas').getAttribute('data-rendered-nodes'),
    );
    await panel().getByRole('checkbox', { name: 'Size and colour the canvas' }).check();
    // Every node drawn is sized and coloured, not only the top of the ranking.
    await expect.poll(styled).toBe(onCanvas);
    const legend = panel().getByTestId('community-legend');
    await legend.waitFor();
    const entries = legend.getByTestId('community-entry');
    expect(await entries.count()).toBeGreaterThan(1);
    const colours = await entries.evaluateAll((items) =>
      items.map((item) => item.getAttribute('data-colour')),
    );
    expect(new Set(colours).size).toBe(colours.length);
    // The members each entry counts, and the sources left unranked, add up to the canvas.
    const shown = (await entries.locator('.discovery__community-count').allTextContents()).map(
      (text) => Number(/^(\d+) of/.exec(text)?.[1]),
    );
    const outside = legend.getByTestId('community-outside');
    const unranked = (await outside.count())
      ? Number(
          /^(\d+)/.exec(
            (await outside.locator('.discovery__community-count').textContent()) ?? '',
          )?.[1],
        )
      : 0;
    expect(shown.reduce((a, b) => a + b, 0) + unranked).toBe(onCanvas);
    // A group's button highlights exactly its members on the canvas.
    await entries.first().getByRole('button').click();
    await expect.poll(highlighted).toBe(shown[0]);
    await screenshot(e2e.page, 'discovery-centrality');

    await panel().getByLabel('Measure').selectOption('betweenness');
    await expect.poll(() => table.locator('thead th').nth(2).textContent()).toBe('Betweenness');
    await expect.poll(styled).toBe(onCanvas);
    await panel().getByRole('checkbox', { name: 'Size and colour the canvas' }).uncheck();
    await expect.poll(styled).toBe(0);
    await expect(legend.count()).resolves.toBe(0);
    expect(e2e.pageErrors).toEqual([]);
  });

  test('timeline: the meeting on its day, and a window that leaves it out', async () => {
    await openDiscover();
    await panel().getByRole('button', { name: 'Timeline' }).click();
    const list = panel().getByTestId('timeline-list');
    await list.waitFor();
    // The indicator's and the anniversary's years, then the meeting's day.
    expect(await list.locator('time').allTextContents()).toEqual(['2016', '2017', '2017-02-27']);
    expect(await panel().getByTestId('timeline-properties').textContent()).toContain(
      'Meeting.date (Neo4j date values)',
    );
    expect(await list.textContent()).toContain(
      'Emomali Rahmon, Russia, Tajikistan, Vladimir Putin',
    );
    await screenshot(e2e.page, 'discovery-timeline');

    await panel().getByLabel('From').fill('2018');
    await panel().getByRole('button', { name: 'Apply' }).click();
    await panel().getByTestId('timeline-empty').waitFor();
    await panel().getByLabel('From').fill('');
    await panel().getByRole('button', { name: 'Apply' }).click();
    await list.waitFor();
    expect(e2e.pageErrors).toEqual([]);
  });

  test('suggestions for the selected node, each with its reason', async () => {
    const box = e2e.page.getByRole('combobox', { name: 'Search the graph' });
    await box.fill('rahmon');
    await e2e.page
      .getByRole('option', { name: /Emomali Rahmon/ })
      .first()
      .click();
    await e2e.page.getByRole('tab', { name: 'Discover' }).click();
    await panel().getByRole('button', { name: 'Worth a look' }).click();
    const list = panel().getByTestId('suggestion-list');
    await list.waitFor();
    const first = list.locator('li').first();
    expect(await first.getByRole('button').textContent()).toBe(
      '25th anniversary of diplomatic relations between Tajikistan and Russia',
    );
    expect(await first.textContent()).toContain(
      'both are linked to the same 3 nodes: Russia, Tajikistan and Top-level talks',
    );
    await screenshot(e2e.page, 'discovery-suggestions');
    expect(e2e.pageErrors).toEqual([]);
  });
});
