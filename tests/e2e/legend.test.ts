// Legend filters and colours in headless Chromium against the seed meeting in a real Neo4j:
// unticking a label or relationship type hides it from the canvas; a chosen label colour is
// kept for the database and comes back after a reload.
import { describe, expect, test } from 'vitest';
import {
  useExplorerSession,
  screenshot,
  openApp,
  waitForLayout,
  SHUFFLED,
} from '../support/browser.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';

const e2e = useExplorerSession({ load: loadMeetingGraph });

const canvas = () => e2e.page.getByTestId('graph-canvas');
const drawn = async (what: 'nodes' | 'edges') =>
  Number(await canvas().getAttribute(`data-rendered-${what}`));
const rowCount = async (testId: string, name: string) => {
  const row = e2e.page.getByTestId(testId).filter({ hasText: name });
  return Number((await row.locator('.legend__count').textContent()) ?? 'NaN');
};

describe('legend', SHUFFLED, () => {
  test('unticking a label or a relationship type hides it from the canvas', async () => {
    await openApp(e2e.page, e2e.app.url);
    const nodes = await drawn('nodes');
    const edges = await drawn('edges');

    const countries = await rowCount('legend-entry', 'Country');
    expect(countries).toBeGreaterThan(0);
    await e2e.page.getByRole('checkbox', { name: 'Show Country' }).uncheck();
    await expect.poll(() => drawn('nodes')).toBe(nodes - countries);
    await e2e.page.getByRole('checkbox', { name: 'Show Country' }).check();
    await expect.poll(() => drawn('nodes')).toBe(nodes);

    await e2e.page.getByText(/^Relationship types/).click();
    // The first type drawn: mentions and passage links start hidden with the passages.
    const types = await e2e.page
      .getByTestId('type-entry')
      .locator('.legend__label')
      .allTextContents();
    const type = types.find((t) => !['HAS_PASSAGE', 'MENTIONS'].includes(t)) as string;
    const ofType = await rowCount('type-entry', type);
    await e2e.page.getByRole('checkbox', { name: `Show ${type}` }).uncheck();
    await expect.poll(() => drawn('edges')).toBe(edges - ofType);
    expect(await drawn('nodes')).toBe(nodes);
    await screenshot(e2e.page, 'legend-type-hidden');
    await e2e.page.getByRole('checkbox', { name: `Show ${type}` }).check();
    await expect.poll(() => drawn('edges')).toBe(edges);
  });

  test('a chosen label colour is kept for the database', async () => {
    await openApp(e2e.page, e2e.app.url);
    const colour = e2e.page.getByLabel('Colour for Person');
    await colour.fill('#c81e1e');
    await e2e.page.reload();
    await waitForLayout(e2e.page, 30_000);
    await expect.poll(() => e2e.page.getByLabel('Colour for Person').inputValue()).toBe('#c81e1e');
    await screenshot(e2e.page, 'legend-colour');
    expect(e2e.pageErrors).toEqual([]);
  });

  test('the database overview shows counts and the schema; a label opens its nodes', async () => {
    await openApp(e2e.page, e2e.app.url);
    const overview = e2e.page.getByTestId('database-overview');
    await overview.waitFor();
    await e2e.page.getByTestId('schema-diagram').waitFor();
    const expected = await e2e.db.read((tx) => tx.run('MATCH (n:Country) RETURN count(n) AS n'));
    const countries = Number(expected.records[0]?.get('n'));
    const byLabel = overview.getByRole('list', { name: 'Nodes by label' });
    const row = byLabel.getByRole('button', { name: /^Country/ });
    expect(await row.locator('.bars__count').textContent()).toBe(String(countries));
    await screenshot(e2e.page, 'database-overview');

    await row.click();
    const result = e2e.page.getByTestId('console-result');
    await result.waitFor({ timeout: 20_000 });
    expect(await e2e.page.getByTestId('console-summary').textContent()).toMatch(
      new RegExp(`^${countries} rows? ·`),
    );
    expect(e2e.pageErrors).toEqual([]);
  });
});
