// A scene of thousands of elements in headless Chromium against a real Neo4j: the canvas
// switches to Cytoscape's WebGL mode past the threshold and back to canvas when it shrinks.
import { describe, expect, test } from 'vitest';
import { WEBGL_ON_AT } from '../../client/src/graph/renderer.ts';
import type { Database } from '../../server/db/database.ts';
import { useExplorerSession, screenshot, waitForLayout, SHUFFLED } from '../support/browser.ts';

const STATIONS = 1_200;
const HUB_SPOKES = 120;

/** A ring of stations, each also linked to a station further on: 1,200 nodes, 2,400 links. */
async function loadStations(db: Database): Promise<void> {
  await db.write((tx) =>
    tx.run('UNWIND range(0, $n - 1) AS i CREATE (:Station {name: "Station " + i, idx: i})', {
      n: STATIONS,
    }),
  );
  await db.write((tx) =>
    tx.run(
      `MATCH (s:Station) WITH s ORDER BY s.idx WITH collect(s) AS ring
       UNWIND range(0, size(ring) - 1) AS i
       WITH ring[i] AS a, ring[(i + 1) % size(ring)] AS b, ring[(i * 7 + 3) % size(ring)] AS c
       CREATE (a)-[:LINK]->(b), (a)-[:LINK]->(c)`,
    ),
  );
  // A hub with more neighbours than one page brings in.
  await db.write((tx) =>
    tx.run(
      `CREATE (h:Hub {name: 'Central Hub'}) WITH h
       MATCH (s:Station) WHERE s.idx < $spokes CREATE (h)-[:SERVES]->(s)`,
      { spokes: HUB_SPOKES },
    ),
  );
}

const e2e = useExplorerSession({ load: loadStations });

describe('large scenes', SHUFFLED, () => {
  test('switch to WebGL past the threshold and back to canvas when cleared', async () => {
    const query =
      'MATCH (a:Station)-[r:LINK]->() RETURN collect(DISTINCT a) AS stations, collect(r) AS links';
    await e2e.page.goto(`${e2e.app.url}/?base=empty&query=${encodeURIComponent(query)}`);
    const canvas = e2e.page.getByTestId('graph-canvas');
    await e2e.page.getByRole('button', { name: 'Run' }).click();
    await expect
      .poll(() => canvas.getAttribute('data-rendered-nodes'), { timeout: 60_000 })
      .toBe(String(STATIONS));
    expect(Number(await canvas.getAttribute('data-rendered-edges'))).toBe(2 * STATIONS);
    expect(STATIONS * 3).toBeGreaterThanOrEqual(WEBGL_ON_AT);
    expect(await canvas.getAttribute('data-renderer')).toBe('webgl');
    await waitForLayout(e2e.page, 90_000);
    await e2e.page.getByRole('button', { name: 'Close the console' }).click();
    await screenshot(e2e.page, 'large-scene-webgl');

    await e2e.page.getByRole('button', { name: 'Clear', exact: true }).click();
    await expect.poll(() => canvas.getAttribute('data-renderer')).toBe('canvas');
    expect(await canvas.getAttribute('data-rendered-nodes')).toBe('0');
    expect(e2e.pageErrors).toEqual([]);
  });

  test("a hub's neighbourhood comes in pages: N of M shown, then more", async () => {
    await e2e.page.goto(`${e2e.app.url}/?base=empty`);
    await e2e.page.getByTestId('blank-canvas').waitFor({ timeout: 30_000 });
    const box = e2e.page.getByRole('combobox', { name: 'Search the graph' });
    await box.fill('Central Hub');
    await e2e.page
      .getByRole('option', { name: /Central Hub/ })
      .first()
      .waitFor();
    await box.press('ArrowDown');
    await box.press('Enter');
    const count = e2e.page.getByTestId('expansion-count');
    await expect
      .poll(() => count.textContent())
      .toBe(`50 of ${HUB_SPOKES} relationships shownShow more`);
    await count.getByRole('button', { name: 'Show more' }).click();
    await expect
      .poll(() => count.textContent())
      .toBe(`100 of ${HUB_SPOKES} relationships shownShow more`);
    await count.getByRole('button', { name: 'Show more' }).click();
    await expect
      .poll(() => count.textContent())
      .toBe(`${HUB_SPOKES} of ${HUB_SPOKES} relationships shown`);
    expect(await e2e.page.getByTestId('graph-canvas').getAttribute('data-rendered-nodes')).toBe(
      String(HUB_SPOKES + 1),
    );
    await screenshot(e2e.page, 'hub-pages');
    expect(e2e.pageErrors).toEqual([]);
  });
});
