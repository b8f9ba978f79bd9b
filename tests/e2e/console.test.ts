// The Cypher console in headless Chromium against the seed meeting in a real Neo4j: it loads
// lazily, runs a read with results as graph and table, explains a refused write and a syntax
// error with its position, draws the schema visualisation's virtual nodes and shows their own
// properties without looking them up, and a link with a query reopens the console and runs it.
import { describe, expect, test } from 'vitest';
import { useExplorerSession, screenshot, openApp, SHUFFLED } from '../support/browser.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';

const consoleScripts: string[] = [];
const e2e = useExplorerSession({
  load: loadMeetingGraph,
  // Refusals and syntax errors are answered with 4xx, which the browser logs by itself.
  ignoreErrors: [/status of 4\d\d/],
  prepare: async ({ page }) => {
    consoleScripts.length = 0;
    page.on('request', (request) => {
      if (/CypherConsole.*\.js$/.test(request.url())) consoleScripts.push(request.url());
    });
  },
});

async function typeQuery(text: string): Promise<void> {
  await e2e.page.locator('.cm-content').click();
  await e2e.page.keyboard.press('Control+A');
  await e2e.page.keyboard.press('Delete');
  await e2e.page.keyboard.insertText(text);
}

/** The app on the overview with the console open and its editor ready. */
async function openConsole(): Promise<void> {
  await openApp(e2e.page, e2e.app.url);
  await e2e.page.getByRole('button', { name: 'Cypher' }).click();
  await e2e.page.locator('.cm-content').waitFor();
}

describe('Cypher console', SHUFFLED, () => {
  test('loads only when opened and runs a read: graph on the canvas, rows in the table', async () => {
    await openApp(e2e.page, e2e.app.url);
    expect(consoleScripts).toEqual([]);

    await e2e.page.getByRole('button', { name: 'Cypher' }).click();
    await e2e.page.locator('.cm-content').waitFor();
    expect(consoleScripts.length).toBe(1);
    await e2e.page.getByRole('button', { name: 'Clear', exact: true }).click();

    await typeQuery(
      'MATCH (p:Person)-[r:LEADS]->(c:Country) RETURN p.name AS leader, c, r ORDER BY leader',
    );
    await e2e.page.keyboard.press('Control+Enter');
    const result = e2e.page.getByTestId('console-result');
    await result.waitFor();
    const expected = await e2e.db.read((tx) =>
      tx.run('MATCH (p:Person)-[:LEADS]->(c:Country) RETURN count(*) AS n'),
    );
    const rows = Number(expected.records[0]?.get('n'));
    expect(rows).toBeGreaterThan(0);
    expect(await e2e.page.getByTestId('console-summary').textContent()).toMatch(
      new RegExp(`^${rows} rows? ·`),
    );
    // The graph view is chosen for results with elements; they are on the canvas.
    await expect
      .poll(() => e2e.page.getByTestId('graph-canvas').getAttribute('data-rendered-nodes'))
      .not.toBe('0');
    await e2e.page.getByRole('button', { name: 'Table' }).click();
    const table = result.getByRole('table');
    expect(await table.locator('tbody tr').count()).toBe(rows);
    expect(await table.locator('th').allTextContents()).toEqual(['leader', 'c', 'r']);
    expect(await table.textContent()).toContain('Emomali Rahmon');
    await screenshot(e2e.page, 'console-table');
    expect(e2e.page.url()).toContain('query=');
    expect(e2e.pageErrors).toEqual([]);
  });

  test('a write is refused with the reason in plain words', async () => {
    await openConsole();
    const before = await e2e.db.read((tx) => tx.run('MATCH (n) RETURN count(n) AS n'));
    await typeQuery("CREATE (:Country {name: 'Atlantis'})");
    await e2e.page.getByRole('button', { name: 'Run' }).click();
    const error = e2e.page.getByTestId('console-error');
    await error.waitFor();
    expect(await error.getAttribute('data-kind')).toBe('query-refused');
    expect(await error.textContent()).toContain('The console only reads');
    const after = await e2e.db.read((tx) => tx.run('MATCH (n) RETURN count(n) AS n'));
    expect(Number(after.records[0]?.get('n'))).toBe(Number(before.records[0]?.get('n')));
    await screenshot(e2e.page, 'console-refused-write');
    expect(e2e.pageErrors).toEqual([]);
  });

  test('a syntax error names its line and column', async () => {
    await openConsole();
    await typeQuery('MATCH (n)\nRETURN n LIMT 5');
    await e2e.page.getByRole('button', { name: 'Run' }).click();
    const error = e2e.page.getByTestId('console-error');
    await expect.poll(() => error.getAttribute('data-kind')).toBe('query-syntax');
    expect(await error.textContent()).toMatch(/Syntax error at line 2, column \d+/);
    expect(e2e.pageErrors).toEqual([]);
  });

  test('the schema visualisation is drawn, and its virtual nodes are inspected, not looked up', async () => {
    await openConsole();
    // From an empty canvas, so what is drawn is the visualisation alone.
    await e2e.page.getByRole('button', { name: 'Clear', exact: true }).click();
    const lookups: string[] = [];
    const track = (request: { url(): string }) => {
      if (request.url().includes('/api/nodes/')) lookups.push(request.url());
    };
    e2e.page.on('request', track);
    try {
      await typeQuery('CALL db.schema.visualization()');
      await e2e.page.getByRole('button', { name: 'Run' }).click();
      await e2e.page.getByTestId('console-result').waitFor();
      // The virtual node of the Country label, captioned by its name, from the node list.
      const row = e2e.page.locator('.node-list button', { hasText: /^Country/ }).first();
      await row.dispatchEvent('click');
      const note = e2e.page.getByTestId('virtual-node');
      await note.waitFor();
      expect(await e2e.page.getByTestId('node-details').textContent()).toContain('Country');
      await screenshot(e2e.page, 'console-virtual-node');
      expect(lookups).toEqual([]);
    } finally {
      e2e.page.off('request', track);
    }
    expect(e2e.pageErrors).toEqual([]);
  });

  test('a link with a query opens the console and runs it', async () => {
    const link = `${e2e.app.url}/?base=empty&query=${encodeURIComponent('MATCH (c:Country) RETURN c.name AS name ORDER BY name')}`;
    await e2e.page.goto(link);
    await e2e.page.getByTestId('cypher-console').waitFor({ timeout: 20_000 });
    await e2e.page.getByRole('button', { name: 'Run' }).click();
    await e2e.page.getByTestId('console-result').waitFor();
    expect(await e2e.page.getByRole('table').textContent()).toContain('Tajikistan');
    expect(e2e.pageErrors).toEqual([]);
  });
});
