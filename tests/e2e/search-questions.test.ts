// Questions typed in the main search, in headless Chromium on the seed in a real Neo4j: "X to Y"
// and "A and B" offer their Discover answer (connect, share) above the search hits, with the
// names the question was read as; choosing it opens the answer on the Discover tab.
import { describe, expect, test } from 'vitest';
import { useExplorerSession, screenshot, openApp, SHUFFLED } from '../support/browser.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';

const e2e = useExplorerSession({
  load: loadMeetingGraph,
  prepare: async ({ page, app }) => {
    await openApp(page, app.url);
  },
});

const box = () => e2e.page.getByRole('combobox', { name: 'Search the graph' });
const firstOption = () => e2e.page.getByRole('option').first();

describe('questions in the main search', SHUFFLED, () => {
  test('"Tajikistan to Russia" offers the connection first; choosing it opens it', async () => {
    expect(e2e.loaded, 'questions need the seed graph').toBe('seed');
    await box().fill('Tajikistan to Russia');
    await expect
      .poll(() => firstOption().textContent(), { timeout: 15_000 })
      .toMatch(/^Connect Tajikistan → Russia/);
    expect(await firstOption().getAttribute('aria-selected')).toBe('true');
    await screenshot(e2e.page, 'search-question-connect');
    await firstOption().click();
    await e2e.page.getByTestId('connect-result').waitFor({ timeout: 30_000 });
    expect(
      await e2e.page.getByRole('tab', { name: 'Discover' }).getAttribute('aria-selected'),
    ).toBe('true');
    expect(e2e.pageErrors).toEqual([]);
  });

  test('"Rahmon and Putin" offers what they share; Enter opens it', async () => {
    await box().fill('Rahmon and Putin');
    await expect
      .poll(() => firstOption().textContent(), { timeout: 15_000 })
      .toMatch(/^What Emomali Rahmon and Vladimir Putin share/);
    await box().press('Enter');
    await e2e.page.getByTestId('share-result').waitFor({ timeout: 30_000 });
    await screenshot(e2e.page, 'search-question-share');
    expect(e2e.pageErrors).toEqual([]);
  });

  test('a plain name offers no question, and a hit is still picked by Enter', async () => {
    await box().fill('rahmon');
    await e2e.page
      .getByRole('option', { name: /Emomali Rahmon/ })
      .first()
      .waitFor();
    expect(await e2e.page.getByTestId('search-question').count()).toBe(0);
    await box().press('Enter');
    await e2e.page.getByRole('tab', { name: 'Details' }).click();
    await expect
      .poll(() =>
        e2e.page.getByTestId('node-details').getByRole('heading', { level: 2 }).textContent(),
      )
      .toBe('Emomali Rahmon');
    expect(e2e.pageErrors).toEqual([]);
  });
});
