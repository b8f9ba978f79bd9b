// The explorer on a database in a schema that is not ours, larger than the search's scan bound
// and without a full-text index (tests/support/foreign-graph.ts): a connected first view whose
// captions join given name and surname, search that says when it saw a label only in part and
// narrows to one label, captions a reader chooses per label, kept across a reload, and a
// timeline read from the crimes' text dates ("dd/mm/yyyy") that says so.
import { describe, expect, test } from 'vitest';
import {
  useExplorerSession,
  type ExplorerSession,
  screenshot,
  waitForLayout,
  openApp,
  laidOutCanvas,
  SHUFFLED,
} from '../support/browser.ts';
import { loadForeignGraph } from '../support/foreign-graph.ts';

let e2e: ExplorerSession<void>;

const PERSON = /^(Todd|Amelia|Jack|Olivia|Harry|Isla|Oscar|Ava|George) [A-Z][a-z]+\s*Person$/;

/** The node list's rows (present in the page whether its section is open or not). */
function listedCaptions(): Promise<string[]> {
  return e2e.page.locator('.node-list button').allTextContents();
}

describe('a foreign schema', SHUFFLED, () => {
  // Every test starts on the first view of a page of its own.
  e2e = useExplorerSession({
    load: loadForeignGraph,
    prepare: ({ page, app }) => openApp(page, app.url, 60_000),
  });

  test('the first view is connected, and people are captioned by their full names', async () => {
    const canvas = laidOutCanvas(e2e.page);
    expect(Number(await canvas.getAttribute('data-rendered-nodes'))).toBeGreaterThan(50);
    expect(Number(await canvas.getAttribute('data-rendered-edges'))).toBeGreaterThan(50);
    await expect.poll(async () => (await listedCaptions()).some((c) => PERSON.test(c))).toBe(true);
    await screenshot(e2e.page, 'foreign-overview');
    expect(e2e.pageErrors).toEqual([]);
  });

  test('search says which labels it saw in part, and narrows to one of them', async () => {
    const box = e2e.page.getByRole('combobox', { name: 'Search the graph' });
    expect(await box.getAttribute('placeholder')).toMatch(/^Search Location, Crime, Person…$/);
    await box.fill('Toyota');
    await e2e.page
      .getByRole('option', { name: /^XY\d+ [A-Z]+\d+\s*Vehicle/ })
      .first()
      .waitFor();
    const partial = e2e.page.getByTestId('search-partial');
    await partial.waitFor();
    expect(await partial.textContent()).toMatch(
      /Searched only part of Location \([\d,]+ of 30,000\)/,
    );
    await screenshot(e2e.page, 'foreign-search-partial');
    await partial.getByRole('button', { name: 'Location' }).click();
    await e2e.page.getByText('Searching Location only.').waitFor();
    await e2e.page.getByText('No matches for “Toyota” among Location.').waitFor();
    await box.press('Escape');
    expect(e2e.pageErrors).toEqual([]);
  });

  test('a caption chosen for a label replaces the schema rule and survives a reload', async () => {
    await e2e.page.getByText('Captions', { exact: true }).click();
    const select = e2e.page.getByRole('combobox', { name: 'Caption for Person' });
    expect(await select.locator('option').first().textContent()).toBe('automatic (name + surname)');
    await select.selectOption('nhs_no');
    await expect
      .poll(async () => (await listedCaptions()).some((c) => /^NHS-\d+\s*Person$/.test(c)))
      .toBe(true);
    await screenshot(e2e.page, 'foreign-caption-choice');
    await e2e.page.reload();
    await waitForLayout(e2e.page, 60_000);
    await expect
      .poll(async () => (await listedCaptions()).some((c) => /^NHS-\d+\s*Person$/.test(c)))
      .toBe(true);
    await e2e.page.getByText('Captions', { exact: true }).click();
    await e2e.page.getByRole('combobox', { name: 'Caption for Person' }).selectOption('');
    await expect.poll(async () => (await listedCaptions()).some((c) => PERSON.test(c))).toBe(true);
    expect(e2e.pageErrors).toEqual([]);
  });

  test("the timeline reads the crimes' text dates, says how, and takes a two-week window", async () => {
    const discovery = e2e.page.getByTestId('discovery-panel');
    await e2e.page.getByRole('tab', { name: 'Discover' }).click();
    await discovery.getByRole('button', { name: 'Timeline' }).click();
    const list = discovery.getByTestId('timeline-list');
    await list.waitFor({ timeout: 60_000 });
    expect(await discovery.getByTestId('timeline-properties').textContent()).toBe(
      'Dates read from Crime.date (text, dd/mm/yyyy).',
    );
    expect((await list.locator('time').allTextContents())[0]).toBe('2017-01-01');
    await discovery.getByLabel('From', { exact: true }).fill('2017-08-10');
    await discovery.getByLabel('to', { exact: true }).fill('2017-08-23');
    await discovery.getByRole('button', { name: 'Apply' }).click();
    // The windowed timeline is read again from the server (seconds on 54,100 nodes): wait as for
    // the first reading, not the poll's one-second default.
    await expect
      .poll(async () => (await list.locator('time').allTextContents())[0], { timeout: 60_000 })
      .toBe('2017-08-10');
    const days = await list.locator('time').allTextContents();
    expect(days.every((d) => d >= '2017-08-10' && d <= '2017-08-23')).toBe(true);
    await screenshot(e2e.page, 'foreign-timeline');
    expect(e2e.pageErrors).toEqual([]);
  });
});
