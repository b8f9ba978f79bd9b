// Views that survive a link, and saved scenes, in headless Chromium on the seed in a real Neo4j:
// a view (an expansion, a hidden label, a property filter, a colour, a caption, pan and zoom) is
// linked and opened in a fresh browser with the same elements, positions, filters, styles and
// viewport; after the database is reloaded (new element ids) the link still finds its elements by
// key, and says how many no longer exist; a saved scene goes out as a JSON file and back in.
// Each test composes the view it needs on a page of its own; the test that reloads the database
// loads it again as it was before it ends.
import fs from 'node:fs';
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';
import { decodeSnapshot } from '../../client/src/scene/snapshot.ts';
import { parseSceneFile } from '../../client/src/scene/savedScenes.ts';
import {
  collectPageErrors,
  useExplorerSession,
  screenshot,
  waitForLayout,
  FIRST_LAYOUT_TIMEOUT_MS,
  SHUFFLED,
} from '../support/browser.ts';
import { loadSeed } from '../../server/seed/index.ts';
import { clearDatabase } from '../support/neo4j.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';

const VIEWPORT = { width: 1280, height: 900 };
const e2e = useExplorerSession({ load: loadMeetingGraph, viewport: VIEWPORT });

interface DrawnNode {
  id: string;
  x: number;
  y: number;
  caption: string;
  color: string;
}

/** What the canvas holds, read from its Cytoscape instance. */
function canvasState(page: Page) {
  return page.evaluate(() => {
    const container = document.querySelector('[data-testid=graph-canvas]') as
      (HTMLElement & { _cyreg?: { cy?: Core } }) | null;
    const cy = container?._cyreg?.cy;
    if (!cy) throw new Error('the canvas has no Cytoscape instance');
    return {
      nodes: cy.nodes().map((n) => ({
        id: n.id(),
        x: n.position().x,
        y: n.position().y,
        caption: String(n.data('caption')),
        color: String(n.data('color')),
      })),
      edges: cy.edges().map((e) => ({
        source: String(e.data('source')),
        target: String(e.data('target')),
        type: String(e.data('type')),
      })),
      zoom: cy.zoom(),
      pan: { ...cy.pan() },
      selected: cy.$(':selected').map((el) => el.id()),
    };
  });
}

/** Every node's key by its element id, as the database has them now. */
async function keysById(): Promise<Map<string, string>> {
  return e2e.db.read(async (tx) => {
    const result = await tx.run(
      'MATCH (n) WHERE n.key IS NOT NULL RETURN elementId(n) AS id, n.key AS key',
    );
    return new Map(result.records.map((r) => [r.get('id') as string, r.get('key') as string]));
  });
}

/** The canvas in database-independent terms: nodes and relationships by key. */
async function viewByKey(page: Page) {
  const state = await canvasState(page);
  const keys = await keysById();
  const key = (id: string) => keys.get(id) ?? `?${id}`;
  const nodes: Record<string, Omit<DrawnNode, 'id'>> = {};
  for (const { id, ...rest } of state.nodes) nodes[key(id)] = rest;
  return {
    nodes,
    edges: state.edges.map((e) => `${key(e.source)} ${e.type} ${key(e.target)}`).sort(),
    zoom: state.zoom,
    pan: state.pan,
    selected: state.selected.map(key),
  };
}

type View = Awaited<ReturnType<typeof viewByKey>>;

/**
 * Waits until the page shows the expected view — its elements arrive first, label colours once
 * the page has read the schema — then compares it in full.
 */
async function expectViewSettlesTo(page: Page, expected: View): Promise<void> {
  const styled = (view: View) =>
    JSON.stringify(
      Object.entries(view.nodes)
        .map(([key, n]) => [key, n.caption, n.color])
        .sort(),
    );
  await expect
    .poll(async () => styled(await viewByKey(page)), { timeout: 15_000 })
    .toBe(styled(expected));
  expectSameView(await viewByKey(page), expected);
}

/** Same elements, positions within 1 px, same captions, colours, viewport and selection. */
function expectSameView(actual: View, expected: View): void {
  expect(Object.keys(actual.nodes).sort()).toEqual(Object.keys(expected.nodes).sort());
  expect(actual.edges).toEqual(expected.edges);
  for (const [key, node] of Object.entries(expected.nodes)) {
    const got = actual.nodes[key];
    expect({ key, dx: Math.abs((got?.x ?? Infinity) - node.x) <= 1 }).toEqual({ key, dx: true });
    expect({ key, dy: Math.abs((got?.y ?? Infinity) - node.y) <= 1 }).toEqual({ key, dy: true });
    expect({ key, caption: got?.caption, color: got?.color }).toEqual({
      key,
      caption: node.caption,
      color: node.color,
    });
  }
  expect(actual.zoom).toBeCloseTo(expected.zoom, 6);
  expect(Math.abs(actual.pan.x - expected.pan.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(actual.pan.y - expected.pan.y)).toBeLessThanOrEqual(1);
  expect(actual.selected).toEqual(expected.selected);
}

const settled = (page: Page) => waitForLayout(page, FIRST_LAYOUT_TIMEOUT_MS);

/** Console errors and uncaught exceptions of the current test's pages in fresh contexts. */
const freshErrors: string[][] = [];
beforeEach(() => {
  freshErrors.length = 0;
});

/** Opens `url` in `page`: until its first layout, or until search is ready when nothing is drawn. */
async function open(page: Page, url: string, drawn = true): Promise<void> {
  await page.goto(url);
  if (drawn) await settled(page);
  else await page.getByRole('combobox', { name: 'Search the graph' }).waitFor();
}

/** Opens a link in a browser context of its own: nothing stored from the test's page. */
async function openFresh(url: string, drawn = true): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  freshErrors.push(collectPageErrors(page));
  await open(page, url, drawn);
  return page;
}

/** No page of the current test logged an error. */
function expectNoPageErrors(): void {
  expect(e2e.pageErrors).toEqual([]);
  expect(freshErrors.flat()).toEqual([]);
}

async function scenesMenu(page: Page) {
  const summary = page.locator('summary', { hasText: 'Scenes' });
  if ((await page.locator('details.scenes[open]').count()) === 0) await summary.click();
  return page.getByRole('group', { name: 'Scenes' });
}

async function linkOf(page: Page): Promise<string> {
  const menu = await scenesMenu(page);
  await menu.getByRole('button', { name: 'Copy link to this view' }).click();
  const link = await menu.getByLabel('Link to this view').inputValue();
  await page.keyboard.press('Escape');
  return link;
}

/**
 * Composes a view on the first view in `page`: an expansion, a hidden label, a property filter,
 * a colour, a caption, pan and zoom. Returns the caption chosen for Country.
 */
async function composeView(page: Page): Promise<string> {
  expect(e2e.loaded, 'stable keys come from the seed graph').toBe('seed');
  await open(page, e2e.app.url);
  // Expand: a search pick brings a person in with its neighbourhood.
  await page.getByRole('combobox', { name: 'Search the graph' }).fill('putin');
  await page
    .getByRole('option', { name: /Vladimir Putin/ })
    .first()
    .click();
  await page.getByText(/Expanded: \d+ of \d+/).waitFor();
  // Hide a label, add a property filter, choose a colour and a caption, pan and zoom.
  await page.getByRole('checkbox', { name: 'Show Sphere' }).uncheck();
  const form = page.getByTestId('filters').getByRole('form', { name: 'Add a property filter' });
  await form.getByLabel('Elements').selectOption('node');
  await form.getByLabel('Property').selectOption('name');
  await form.getByLabel('Operator').selectOption('is-set');
  await form.getByRole('button', { name: 'Add filter' }).click();
  await page.getByLabel('Colour for Person').fill('#c81e1e');
  await page.getByText('Captions', { exact: true }).click();
  const caption = page.getByRole('combobox', { name: 'Caption for Country' });
  const choices = await caption
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const chosen = choices.find((v) => v === 'iso' || v === 'key') ?? choices[1] ?? '';
  await caption.selectOption(chosen);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.evaluate(() => {
    const container = document.querySelector('[data-testid=graph-canvas]') as HTMLElement & {
      _cyreg?: { cy?: Core };
    };
    container._cyreg?.cy?.panBy({ x: 43, y: -27 });
  });
  return chosen;
}

describe('a linked view', SHUFFLED, () => {
  test('opens in a fresh browser with the same elements, positions, filters, styles and viewport', async () => {
    const page = e2e.page;
    const chosen = await composeView(page);
    const original = await viewByKey(page);
    expect(Object.keys(original.nodes).length).toBeGreaterThan(3);
    expect(original.selected).toHaveLength(1);
    expect(Object.values(original.nodes).some((n) => n.color === '#c81e1e')).toBe(true);
    await screenshot(page, 'scenes-original');

    const link = await linkOf(page);
    expect(new URL(link).searchParams.get('view')).toMatch(/^[A-Za-z0-9_-]+$/);
    // Well under the server's 16 KB request-head limit.
    expect(link.length).toBeLessThan(8000);
    const snapshot = await decodeSnapshot(new URL(link).searchParams.get('view') ?? '');
    expect(snapshot.nodes.every((n) => 'label' in n.ref)).toBe(true);

    const fresh = await openFresh(link);
    await expectViewSettlesTo(fresh, original);
    expect(await fresh.getByRole('checkbox', { name: 'Show Sphere' }).isChecked()).toBe(false);
    expect(await fresh.getByTestId('property-filter').textContent()).toContain('name is set');
    expect(await fresh.getByLabel('Colour for Person').inputValue()).toBe('#c81e1e');
    await fresh.getByText('Captions', { exact: true }).click();
    expect(await fresh.getByRole('combobox', { name: 'Caption for Country' }).inputValue()).toBe(
      chosen,
    );
    // The address bar keeps the view until it is changed.
    expect(fresh.url()).toBe(link);
    await screenshot(fresh, 'scenes-link-restored');
    await fresh.context().close();
    expectNoPageErrors();
  });

  test('still opens by key after the database is reloaded, and says what no longer exists', async () => {
    await composeView(e2e.page);
    const original = await viewByKey(e2e.page);
    const link = await linkOf(e2e.page);
    try {
      const before = await keysById();
      // Reload until the seed's elements get other element ids. Unlabelled filler is created first
      // to take the freed ids; which ids Neo4j hands out again is its own business, so a reload
      // that happens to give every node its old id is done again with more filler.
      let moved: [string, unknown][] = [];
      for (let attempt = 1; attempt <= 4 && moved.length === 0; attempt += 1) {
        await clearDatabase(e2e.db);
        await e2e.db.write((tx) =>
          tx.run('UNWIND range(1, $n) AS i CREATE ({filler: i})', { n: 60 * attempt + 7 }),
        );
        await loadSeed(e2e.db);
        await e2e.db.write((tx) => tx.run('MATCH (n) WHERE n.filler IS NOT NULL DELETE n'));
        const after = await keysById();
        moved = [...before].filter(([id, key]) => after.get(id) !== key);
      }
      expect(moved.length).toBeGreaterThan(0);

      const reloaded = await openFresh(link);
      await expectViewSettlesTo(reloaded, original);
      await screenshot(reloaded, 'scenes-link-after-reload');
      await reloaded.context().close();

      // A node of the view goes away: the link opens without it and says so, with its
      // relationships.
      const snapshot = await decodeSnapshot(new URL(link).searchParams.get('view') ?? '');
      const selected = original.selected[0];
      const gone = snapshot.nodes.findIndex(
        (n) =>
          'value' in n.ref && n.ref.value !== selected && String(n.ref.value) in original.nodes,
      );
      const goneRef = snapshot.nodes[gone]?.ref;
      if (!goneRef || !('value' in goneRef))
        throw new Error('the view has no keyed node to delete');
      await e2e.db.write((tx) =>
        tx.run('MATCH (n {key: $key}) DETACH DELETE n', { key: goneRef.value }),
      );
      const lost = 1 + snapshot.rels.filter((r) => r.s === gone || r.e === gone).length;
      const partial = await openFresh(link);
      await partial
        .getByText(`${lost} elements of this view no longer exist in the database.`)
        .waitFor();
      const view = await viewByKey(partial);
      expect(Object.keys(view.nodes)).not.toContain(goneRef.value);
      expect(Object.keys(view.nodes).length).toBe(Object.keys(original.nodes).length - 1);
      await screenshot(partial, 'scenes-link-missing');
      await partial.context().close();
    } finally {
      // The database as the file loaded it, whatever happened above: other tests search it.
      await clearDatabase(e2e.db);
      await loadMeetingGraph(e2e.db);
    }
    expectNoPageErrors();
  });
});

describe('a damaged view link', SHUFFLED, () => {
  test('opens the app with a message that says what is wrong', async () => {
    const page = e2e.page;
    await open(page, `${e2e.app.url}/?view=bm90LWEtdmlldw`, false);
    await page
      .getByText(
        'Could not open the linked view: This link’s view is damaged: it does not unpack to JSON (was it cut short?).',
      )
      .waitFor();
    // Nothing half-restored: the canvas stays empty and exploring starts from search.
    expect([null, '0']).toContain(
      await page.getByTestId('graph-canvas').getAttribute('data-rendered-nodes'),
    );
    expect(await page.getByRole('combobox', { name: 'Search the graph' }).isEnabled()).toBe(true);
    await screenshot(page, 'scenes-link-damaged');
    expectNoPageErrors();
  });
});

describe('saved scenes', SHUFFLED, () => {
  test('are saved per database, reopened, exported to a file and imported back', async () => {
    const page = e2e.page;
    await open(page, `${e2e.app.url}/?base=empty`, false);
    await page.getByRole('combobox', { name: 'Search the graph' }).fill('putin');
    await page
      .getByRole('option', { name: /Vladimir Putin/ })
      .first()
      .click();
    await page.getByText(/Expanded: \d+ of \d+/).waitFor();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    const saved = await viewByKey(page);

    let menu = await scenesMenu(page);
    await menu.getByLabel('Scene name').fill('Putin and partners');
    await menu.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => menu.getByTestId('saved-scene').count()).toBe(1);
    await screenshot(page, 'scenes-menu');
    // Escape closes the menu and gives focus back to its button.
    await page.keyboard.press('Escape');
    expect(await page.locator('details.scenes[open]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Scenes');

    // Kept in this browser for this database: still there after a reload.
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await page.reload();
    await page.getByRole('combobox', { name: 'Search the graph' }).waitFor();
    menu = await scenesMenu(page);
    await menu.getByRole('button', { name: 'Open Putin and partners' }).click();
    await expectViewSettlesTo(page, saved);

    // Out as a JSON file, deleted, and in again from the file.
    menu = await scenesMenu(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      menu.getByRole('button', { name: 'Export Putin and partners' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('putin-and-partners.scene.json');
    const file = (await download.path()) as string;
    expect(parseSceneFile(fs.readFileSync(file, 'utf8')).name).toBe('Putin and partners');
    await menu.getByRole('button', { name: 'Delete Putin and partners' }).click();
    expect(await menu.getByTestId('saved-scene').count()).toBe(0);
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    menu = await scenesMenu(page);
    await menu.getByLabel('Import a scene file').setInputFiles(file);
    await expectViewSettlesTo(page, saved);
    menu = await scenesMenu(page);
    expect(await menu.getByTestId('saved-scene').count()).toBe(1);

    // A file that is not a scene is refused with a message that says so.
    await menu.getByLabel('Import a scene file').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await expect
      .poll(() => menu.getByRole('alert').textContent())
      .toContain('notes.json: This file is not a scene');
    await screenshot(page, 'scenes-bad-file');
    expectNoPageErrors();
  });
});
