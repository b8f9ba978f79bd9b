// Relationship evidence and tucked-away bookkeeping in headless Chromium on the seed in a real
// Neo4j: a selected relationship shows its quotes in their passages with "open in document"
// (not its raw evidence lists), and keys, search text and offsets sit collapsed under
// "Bookkeeping", out of the property filters and the search's match reasons.
import type { Core } from 'cytoscape';
import { describe, expect, test } from 'vitest';
import { useExplorerSession, screenshot, openApp, SHUFFLED } from '../support/browser.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';

const e2e = useExplorerSession({
  load: loadMeetingGraph,
  prepare: async ({ page, app }) => {
    await openApp(page, app.url);
  },
});

async function pick(text: string, option: RegExp): Promise<void> {
  const box = e2e.page.getByRole('combobox', { name: 'Search the graph' });
  await box.fill(text);
  await e2e.page.getByRole('option', { name: option }).first().click();
}

/** Selects the drawn relationship of a type, as a click on it would (Cytoscape's own select). */
async function selectRelationship(type: string): Promise<void> {
  await expect
    .poll(() =>
      e2e.page.evaluate((wanted) => {
        const container = document.querySelector('[data-testid=graph-canvas]') as
          (HTMLElement & { _cyreg?: { cy?: Core } }) | null;
        const edge = container?._cyreg?.cy?.edges().filter((e) => e.data('type') === wanted);
        if (!edge || edge.empty()) return false;
        edge.first().select();
        return true;
      }, type),
    )
    .toBe(true);
}

describe('relationship evidence', SHUFFLED, () => {
  test('a selected relationship shows its quotes like a node, not its evidence lists', async () => {
    expect(e2e.loaded, 'relationship evidence needs the seed graph').toBe('seed');
    await pick('rahmon', /Emomali Rahmon/);
    await e2e.page.getByTestId('node-details').waitFor();
    await selectRelationship('RECEIVED');

    const details = e2e.page.getByTestId('relationship-details');
    await details.getByTestId('evidence').waitFor({ timeout: 20_000 });
    expect(await details.getByRole('heading', { level: 2 }).textContent()).toBe('RECEIVED');
    const marked = await details.locator('.evidence__passage mark').allTextContents();
    expect(marked.join(' ')).toMatch(/Order of Alexander Nevsky/);
    // The lists behind the quotes are kept, collapsed under "Bookkeeping", not in view.
    const visibleKeys = await details.locator('dt:visible').allTextContents();
    expect(visibleKeys).not.toContain('evidenceQuotes');
    expect(visibleKeys).not.toContain('evidenceDocEnds');
    const bookkeeping = details.getByTestId('bookkeeping');
    expect(await bookkeeping.getAttribute('open')).toBeNull();
    await bookkeeping.locator('summary').click();
    expect(await bookkeeping.locator('dt').allTextContents()).toEqual(
      expect.arrayContaining(['key', 'evidenceQuotes', 'evidenceStarts', 'evidenceDocEnds']),
    );
    await screenshot(e2e.page, 'relationship-evidence');

    await details
      .getByRole('button', { name: /open in document/ })
      .first()
      .click();
    const doc = e2e.page.getByTestId('document-view');
    await doc.waitFor();
    expect(await doc.getByRole('heading', { level: 2 }).textContent()).toContain(
      'Top-level meetings and negotiations between Tajikistan and Russi',
    );
    expect(e2e.pageErrors).toEqual([]);
  });
});

describe('bookkeeping', SHUFFLED, () => {
  test('a node lists what a reader looks at; keys and search text are collapsed', async () => {
    await e2e.page.getByRole('tab', { name: 'Details' }).click();
    await pick('tajikistan', /^Tajikistan\s*Country/);
    const details = e2e.page.getByTestId('node-details');
    await expect
      .poll(() => details.getByRole('heading', { level: 2 }).textContent())
      .toBe('Tajikistan');
    const visibleKeys = await details.locator('dt:visible').allTextContents();
    expect(visibleKeys[0]).toBe('name');
    for (const key of ['key', 'searchText', 'seed']) expect(visibleKeys).not.toContain(key);
    expect(await details.getByTestId('bookkeeping').locator('summary').textContent()).toMatch(
      /^Bookkeeping \(\d+\)$/,
    );
    await screenshot(e2e.page, 'node-bookkeeping');
    expect(e2e.pageErrors).toEqual([]);
  });

  test('the property filters offer bookkeeping keys only on request', async () => {
    const form = e2e.page.getByRole('form', { name: 'Add a property filter' });
    const keys = () => form.getByLabel('Property').locator('option').allTextContents();
    const names = async () => (await keys()).map((k) => k.replace(/ \(.*$/, ''));
    expect(await names()).toContain('name');
    expect(await names()).not.toContain('searchText');
    await form.getByRole('checkbox', { name: /Include bookkeeping/ }).check();
    expect(await names()).toEqual(expect.arrayContaining(['searchText', 'seed', 'key']));
    expect(e2e.pageErrors).toEqual([]);
  });

  test('search gives no key or search text as the reason a hit matched', async () => {
    const box = e2e.page.getByRole('combobox', { name: 'Search the graph' });
    await box.fill('tajikistan-russia');
    await e2e.page.getByRole('listbox', { name: 'Search results' }).waitFor();
    await expect
      .poll(async () => (await e2e.page.getByRole('option').count()) > 0, { timeout: 15_000 })
      .toBe(true);
    const reasons = await e2e.page.locator('.search__match').allTextContents();
    for (const reason of reasons) {
      expect(reason).not.toMatch(/^[a-z][a-z-]*:\S/);
      expect(reason).not.toContain(' | ');
    }
    await box.fill('');
    expect(e2e.pageErrors).toEqual([]);
  });
});
