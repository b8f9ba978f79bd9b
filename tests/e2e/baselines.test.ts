// Two stable screens compared with committed baselines (tests/e2e/baselines/) within a tolerance,
// against the seed meeting in a real Neo4j: the legend's label list as the first view draws it,
// and the console's table for a fixed query. `UPDATE_BASELINES=1` rewrites them after an
// intended change; look at the new images before committing them.
import { describe, expect, test } from 'vitest';
import { openApp, screenshot, useExplorerSession, SHUFFLED } from '../support/browser.ts';
import { expectMatchesBaseline } from '../support/baseline.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';

// Every test starts on the first view of a page of its own.
const e2e = useExplorerSession({
  load: loadMeetingGraph,
  prepare: ({ page, app }) => openApp(page, app.url),
});

describe('screens against their baselines', SHUFFLED, () => {
  test('the legend of the first view', async () => {
    const legend = e2e.page.locator('section.legend ul.legend__list').first();
    await legend.waitFor();
    expect(await legend.getByTestId('legend-entry').count()).toBeGreaterThan(0);
    await screenshot(e2e.page, 'baseline-legend-page');
    expectMatchesBaseline(await legend.screenshot({ animations: 'disabled' }), 'legend');
    expect(e2e.pageErrors).toEqual([]);
  });

  test('the console table of a fixed query', async () => {
    await e2e.page.getByRole('button', { name: 'Cypher' }).click();
    await e2e.page.locator('.cm-content').waitFor();
    await e2e.page.getByRole('button', { name: 'Clear', exact: true }).click();
    await e2e.page.locator('.cm-content').click();
    await e2e.page.keyboard.press('Control+A');
    await e2e.page.keyboard.press('Delete');
    await e2e.page.keyboard.insertText(
      'MATCH (p:Person)-[:LEADS]->(c:Country) RETURN p.name AS leader, c.name AS country ORDER BY leader',
    );
    await e2e.page.keyboard.press('Control+Enter');
    const result = e2e.page.getByTestId('console-result');
    await result.waitFor();
    await e2e.page.getByRole('button', { name: 'Table' }).click();
    const table = result.getByRole('table');
    await table.waitFor();
    expect(await table.textContent()).toContain('Emomali Rahmon');
    await screenshot(e2e.page, 'baseline-console-page');
    expectMatchesBaseline(await table.screenshot({ animations: 'disabled' }), 'console-table');
    expect(e2e.pageErrors).toEqual([]);
  });
});
