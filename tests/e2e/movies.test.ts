// The same explorer on a database that is not ours: the movies example graph. Labels, colours,
// captions, search, details, expansion, the console and a path all work from its own schema.
import { describe, expect, test } from 'vitest';
import {
  useExplorerSession,
  type ExplorerSession,
  screenshot,
  openApp,
  SHUFFLED,
} from '../support/browser.ts';
import { SHARED_MISSING_MESSAGE, hasSharedDatasets, loadMovies } from '../support/neo4j.ts';

let e2e: ExplorerSession<void>;

const heading = () => e2e.page.getByTestId('node-details').getByRole('heading', { level: 2 });
const renderedNodes = async () =>
  Number(await e2e.page.getByTestId('graph-canvas').getAttribute('data-rendered-nodes'));

async function pick(field: string, text: string, option: RegExp): Promise<void> {
  const box = e2e.page.getByRole('combobox', { name: field });
  await box.fill(text);
  await e2e.page.getByRole('option', { name: option }).first().waitFor();
  await box.press('ArrowDown');
  await box.press('Enter');
}

/** Clears the canvas and brings Keanu Reeves in from the search, selected, with his details. */
async function showKeanuAlone(): Promise<void> {
  await e2e.page.getByRole('button', { name: 'Clear', exact: true }).click();
  await pick('Search the graph', 'keanu', /Keanu Reeves/);
  await expect.poll(() => heading().textContent()).toBe('Keanu Reeves');
}

describe.skipIf(!hasSharedDatasets)(
  `movies example graph (${SHARED_MISSING_MESSAGE})`,
  SHUFFLED,
  () => {
    // Refusals the console test provokes are answered with 4xx, which the browser logs by itself.
    // Every test starts on the first view of a page of its own.
    e2e = useExplorerSession({
      load: loadMovies,
      ignoreErrors: [/status of 4\d\d/],
      prepare: ({ page, app }) => openApp(page, app.url),
    });

    test('the overview shows its own labels, with movie titles and names as captions', async () => {
      expect(await renderedNodes()).toBeGreaterThan(100);
      const legend = (await e2e.page.getByTestId('legend-entry').allTextContents()).map((t) =>
        t.replace(/\d+$/, ''),
      );
      expect(legend.sort()).toEqual(['Movie', 'Person']);
      await e2e.page.getByText(/Nodes on the canvas/).click();
      expect(await e2e.page.getByRole('button', { name: /^The Matrix\s*Movie$/ }).count()).toBe(1);
      await screenshot(e2e.page, 'movies-overview');
      expect(e2e.pageErrors).toEqual([]);
    });

    test('search, details with degree per type, and expansion', async () => {
      await showKeanuAlone();
      const byType = e2e.page.getByRole('list', { name: 'Relationships by type' });
      await byType.waitFor();
      expect(await byType.textContent()).toContain('ACTED_IN');
      // Bringing a node in expands it: Keanu and his films.
      await expect.poll(() => renderedNodes()).toBeGreaterThan(5);
      expect(await e2e.page.getByTestId('expansion-count').textContent()).toMatch(
        /^(\d+) of \1 relationships shown$/,
      );
      await screenshot(e2e.page, 'movies-keanu');
      expect(e2e.pageErrors).toEqual([]);
    });

    test('the console and the path finder work on its schema', async () => {
      // The path starts from the selected node.
      await showKeanuAlone();
      await e2e.page.getByRole('button', { name: 'Cypher' }).click();
      await e2e.page.locator('.cm-content').click();
      await e2e.page.keyboard.press('Control+A');
      await e2e.page.keyboard.press('Delete');
      await e2e.page.keyboard.insertText(
        "MATCH (m:Movie {title: 'The Matrix'})<-[:DIRECTED]-(d) RETURN d.name AS director ORDER BY director",
      );
      await e2e.page.getByRole('button', { name: 'Run' }).click();
      await e2e.page.getByTestId('console-result').waitFor();
      await e2e.page.getByRole('button', { name: 'Table' }).click();
      expect(await e2e.page.getByRole('table').locator('tbody').textContent()).toContain(
        'Lana Wachowski',
      );
      await e2e.page.getByRole('button', { name: 'Close the console' }).click();

      await e2e.page.getByRole('tab', { name: 'Paths' }).click();
      await e2e.page.getByRole('button', { name: 'Use selected: Keanu Reeves' }).first().click();
      await pick('To: search for an entity', 'hanks', /Tom Hanks/);
      await e2e.page.getByRole('button', { name: 'Find paths' }).click();
      const list = e2e.page.getByTestId('path-list');
      await list.waitFor();
      expect(await list.getByRole('button', { name: /^Shortest · \d+ hops?$/ }).count()).toBe(1);
      expect(await list.textContent()).toMatch(/ACTED_IN|DIRECTED|PRODUCED|WROTE/);
      await screenshot(e2e.page, 'movies-path');
      expect(e2e.pageErrors).toEqual([]);
    });
  },
);
