// Property and date filters, the dagre layout and the editor's syntax-error mark, in headless
// Chromium against the seed meeting in a real Neo4j. What stays drawn is checked against the
// data the canvas exports (the drawn nodes and relationships), so expectations follow the data.
// The movies test swaps the graph for the movies and puts the meeting back afterwards.
import fs from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GraphData, GraphNode } from '../../common/api.ts';
import type { EncodedValue } from '../../common/values.ts';
import type { Database } from '../../server/db/database.ts';
import { SCHEMA_FACTS_TTL_MS } from '../../server/schema/facts.ts';
import {
  useExplorerSession,
  collectPageErrors,
  screenshot,
  openApp,
  waitForLayout,
  SHUFFLED,
} from '../support/browser.ts';
import {
  SHARED_MISSING_MESSAGE,
  clearDatabase,
  hasSharedDatasets,
  loadMovies,
} from '../support/neo4j.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';

const dagreScripts: string[] = [];
const failedRequests: string[] = [];
const e2e = useExplorerSession({
  load: loadMeetingGraph,
  viewport: { width: 1280, height: 900 },
  // A syntax error is answered with 400, which the browser logs by itself.
  ignoreErrors: [/status of 4\d\d/],
  prepare: async ({ page }) => {
    dagreScripts.length = 0;
    failedRequests.length = 0;
    page.on('request', (request) => {
      if (/cytoscape-dagre.*\.js$/.test(request.url())) dagreScripts.push(request.url());
    });
    // Named in failures: a console error alone does not say which request failed.
    page.on('response', (response) => {
      if (response.status() >= 500) failedRequests.push(`${response.status()} ${response.url()}`);
    });
  },
});

const canvas = () => e2e.page.getByTestId('graph-canvas');
const drawn = async (what: 'nodes' | 'edges') =>
  Number(await canvas().getAttribute(`data-rendered-${what}`));
const filters = () => e2e.page.getByTestId('filters');

async function exported(label: string): Promise<string> {
  await e2e.page.getByText('Export', { exact: true }).click();
  const [download] = await Promise.all([
    e2e.page.waitForEvent('download'),
    e2e.page.getByRole('button', { name: label }).click(),
  ]);
  return fs.readFileSync((await download.path()) as string, 'utf8');
}

/** The nodes and relationships drawn on the canvas, as the JSON export gives them. */
const drawnData = async () => JSON.parse(await exported('Data (JSON)')) as GraphData;

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id).sort();

/** What a node filter should leave: the passing nodes and the relationships between them. */
function expectedAfter(all: GraphData, keep: (node: GraphNode) => boolean) {
  const nodes = all.nodes.filter(keep);
  const kept = new Set(nodes.map((n) => n.id));
  const relationships = all.relationships.filter((r) => kept.has(r.start) && kept.has(r.end));
  return { nodes: ids(nodes), relationships: ids(relationships) };
}

/** The first view, and what it draws as the JSON export gives it. */
async function openFirstView(): Promise<GraphData> {
  await openApp(e2e.page, e2e.app.url);
  return drawnData();
}

/**
 * Replaces the graph under the running app, then waits out the app's schema facts cache, so the
 * next request reads the new graph's facts (full-text indexes, evidence profile) and not the old.
 */
async function replaceGraph(load: (db: Database) => Promise<unknown>): Promise<void> {
  const started = Date.now();
  await clearDatabase(e2e.db);
  await load(e2e.db);
  await delay(Math.max(0, SCHEMA_FACTS_TTL_MS - (Date.now() - started)));
}

const dateOf = (value: EncodedValue | undefined): string | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) && value.$type === 'Date'
    ? (value.value as string)
    : undefined;

describe('property and date filters', SHUFFLED, () => {
  test('a property filter keeps the nodes that match and the relationships between them', async () => {
    const all = await openFirstView();
    expect(all.nodes.length).toBeGreaterThan(3);

    const form = filters().getByRole('form', { name: 'Add a property filter' });
    await form.getByLabel('Elements').selectOption('node');
    await form.getByLabel('Property').selectOption('name');
    await form.getByLabel('Operator').selectOption('contains');
    await form.getByLabel('Value').fill('tajik');
    // Keyboard only: Enter in the value field adds the filter.
    await form.getByLabel('Value').press('Enter');

    const want = expectedAfter(all, (n) => {
      const name = n.properties.name;
      return typeof name === 'string' && name.toLowerCase().includes('tajik');
    });
    expect(want.nodes.length).toBeGreaterThan(0);
    expect(want.nodes.length).toBeLessThan(all.nodes.length);
    await expect.poll(() => drawn('nodes')).toBe(want.nodes.length);
    expect(await drawn('edges')).toBe(want.relationships.length);
    const after = await drawnData();
    expect({ nodes: ids(after.nodes), relationships: ids(after.relationships) }).toEqual(want);
    await expect
      .poll(() => filters().getByTestId('property-filter').textContent())
      .toContain('name contains "tajik"');
    await screenshot(e2e.page, 'filters-property');

    await filters().getByRole('button', { name: 'Remove filter name contains "tajik"' }).click();
    await expect.poll(() => drawn('nodes')).toBe(all.nodes.length);
  });

  test('a number filter compares numbers, and a missing property does not match', async () => {
    const all = await openFirstView();
    const form = filters().getByRole('form', { name: 'Add a property filter' });
    await form.getByLabel('Property').selectOption('year');
    await form.getByLabel('Operator').selectOption('>');
    await form.getByLabel('Value').fill('2016');
    await form.getByRole('button', { name: 'Add filter' }).click();
    const want = expectedAfter(
      all,
      (n) => typeof n.properties.year === 'number' && n.properties.year > 2016,
    );
    expect(want.nodes.length).toBeGreaterThan(0);
    await expect.poll(() => drawn('nodes')).toBe(want.nodes.length);
    await filters().getByRole('button', { name: 'Remove filter year > 2016' }).click();
    await expect.poll(() => drawn('nodes')).toBe(all.nodes.length);
  });

  test('a date range over a Date property shows the observed span and hides what falls outside', async () => {
    const all = await openFirstView();
    const dated = all.nodes.filter((n) => dateOf(n.properties.date));
    expect(dated.length).toBeGreaterThan(0);
    const days = dated.map((n) => dateOf(n.properties.date) as string).sort();
    const [first, last] = [days[0] as string, days.at(-1) as string];

    const dates = filters().getByTestId('date-filter');
    await dates.getByLabel('Date property').selectOption('node:date');
    // The seed's dates are Neo4j Date values, and the panel says that is how it read them.
    expect(await dates.getByTestId('date-observed').textContent()).toBe(
      `Observed: ${first} – ${last} · read as Neo4j date values`,
    );

    // Before the first date: the dated nodes go; undated ones stay while "keep" is ticked.
    const before = new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    await dates.getByLabel('To', { exact: true }).fill(before);
    let want = expectedAfter(all, (n) => !dateOf(n.properties.date));
    await expect.poll(() => drawn('nodes')).toBe(want.nodes.length);
    expect(await drawn('edges')).toBe(want.relationships.length);

    // The whole observed span, inclusive at both ends, without undated elements.
    await dates.getByLabel('From', { exact: true }).fill(first);
    await dates.getByLabel('To', { exact: true }).fill(last);
    await dates.getByLabel('Keep elements without this date').uncheck();
    want = expectedAfter(all, (n) => Boolean(dateOf(n.properties.date)));
    await expect.poll(() => drawn('nodes')).toBe(want.nodes.length);
    const after = await drawnData();
    expect(ids(after.nodes)).toEqual(want.nodes);
    expect(await filters().getByTestId('filters-summary').textContent()).toMatch(
      new RegExp(`^${want.nodes.length + want.relationships.length} of \\d+ elements shown$`),
    );
    await screenshot(e2e.page, 'filters-date');

    await dates.getByRole('button', { name: 'Clear dates' }).click();
    await expect.poll(() => drawn('nodes')).toBe(all.nodes.length);
    expect(e2e.pageErrors, failedRequests.join(', ')).toEqual([]);
  });
});

describe('dagre layout', SHUFFLED, () => {
  /** Node centres from the SVG export of the canvas. */
  const centres = async () => {
    const svg = await exported('Drawing (SVG)');
    return [...svg.matchAll(/<circle cx="([-\d.]+)" cy="([-\d.]+)"/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
    }));
  };
  const layers = (points: { y: number }[]) => new Set(points.map((p) => Math.round(p.y))).size;

  test('is loaded when first chosen and puts nodes in layers', async () => {
    await openApp(e2e.page, e2e.app.url);
    await e2e.page.getByLabel('Layout').selectOption('fcose');
    await e2e.page.getByRole('button', { name: 'Re-layout' }).click();
    await waitForLayout(e2e.page);
    const forceDirected = await centres();
    expect(dagreScripts).toEqual([]);

    await e2e.page.getByLabel('Layout').selectOption('dagre');
    await expect.poll(() => dagreScripts.length).toBe(1);
    await waitForLayout(e2e.page);
    await expect.poll(async () => layers(await centres())).toBeLessThan(forceDirected.length / 2);
    const layered = await centres();
    expect(layered.length).toBe(forceDirected.length);
    expect(layers(layered)).toBeGreaterThanOrEqual(2);
    expect(layers(layered)).toBeLessThan(layers(forceDirected));
    await screenshot(e2e.page, 'layout-dagre');
    expect(new URL(e2e.page.url()).searchParams.get('layout')).toBe('dagre');
    expect(e2e.pageErrors, failedRequests.join(', ')).toEqual([]);
  });

  test('a link with the dagre layout lays out with it from the start', async () => {
    // Every console error counts here, 4xx answers too.
    const errors = collectPageErrors(e2e.page);
    await openApp(e2e.page, `${e2e.app.url}/?layout=dagre`);
    expect(await e2e.page.getByLabel('Layout').inputValue()).toBe('dagre');
    expect(
      Number(await e2e.page.getByTestId('graph-canvas').getAttribute('data-rendered-nodes')),
    ).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});

describe('Cypher editor', SHUFFLED, () => {
  test('marks the syntax error where the server points, until the query is edited', async () => {
    await openApp(e2e.page, e2e.app.url);
    await e2e.page.getByRole('button', { name: 'Cypher' }).click();
    await e2e.page.locator('.cm-content').waitFor();
    await e2e.page.locator('.cm-content').click();
    await e2e.page.keyboard.press('Control+A');
    await e2e.page.keyboard.press('Delete');
    await e2e.page.keyboard.insertText('MATCH (n)\nRETURN n LIMT 5');
    await e2e.page.getByRole('button', { name: 'Run' }).click();
    const error = e2e.page.getByTestId('console-error');
    await expect.poll(() => error.getAttribute('data-kind')).toBe('query-syntax');
    const [, line, column] =
      /line (\d+), column (\d+)/.exec((await error.textContent()) ?? '') ?? [];
    expect(line).toBe('2');

    const mark = e2e.page.getByTestId('editor-error-mark');
    await mark.waitFor();
    expect(await mark.textContent()).toBe('LIMT');
    expect(await mark.getAttribute('title')).toMatch(
      new RegExp(`^Syntax error at line 2, column ${column}\\. Invalid input 'LIMT'`),
    );
    // The mark sits on the second line of the editor.
    const lines = e2e.page.locator('.cm-line');
    expect(await lines.nth(1).locator('[data-testid=editor-error-mark]').count()).toBe(1);
    expect(await lines.nth(1).getAttribute('class')).toContain('cm-server-error-line');
    await screenshot(e2e.page, 'console-error-mark');

    await e2e.page.keyboard.press('End');
    await e2e.page.keyboard.insertText('0');
    await expect.poll(() => mark.count()).toBe(0);
    expect(e2e.pageErrors, failedRequests.join(', ')).toEqual([]);
  });
});

describe.skipIf(!hasSharedDatasets)(
  `on the movies example graph (${SHARED_MISSING_MESSAGE})`,
  SHUFFLED,
  () => {
    beforeAll(() => replaceGraph(loadMovies));
    // The other tests of the file, in whatever order they run, see the meeting again.
    afterAll(() => replaceGraph(loadMeetingGraph));

    test('filters by a number range on nodes and by a list of text on relationships', async () => {
      const all = await openFirstView();
      const form = filters().getByRole('form', { name: 'Add a property filter' });

      await form.getByLabel('Elements').selectOption('node');
      await form.getByLabel('Property').selectOption('released');
      await form.getByLabel('Operator').selectOption('between');
      await form.getByLabel('From', { exact: true }).fill('1999');
      await form.getByLabel('To', { exact: true }).fill('1995');
      await form.getByRole('button', { name: 'Add filter' }).click();
      // Bounds in either order; both ends included; people (no "released") are hidden.
      const want = expectedAfter(all, (n) => {
        const year = n.properties.released;
        return typeof year === 'number' && year >= 1995 && year <= 1999;
      });
      expect(want.nodes.length).toBeGreaterThan(0);
      await expect.poll(() => drawn('nodes')).toBe(want.nodes.length);
      await filters()
        .getByRole('button', { name: 'Remove filter released between 1999 and 1995' })
        .click();
      await expect.poll(() => drawn('nodes')).toBe(all.nodes.length);

      // Part of a role drawn in this first view (which roles it holds depends on the sample).
      const texts = (list: unknown) =>
        Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
      const role = all.relationships
        .flatMap((r) => texts(r.properties.roles))
        .find((text) => text.length >= 4);
      expect(role, 'the first view draws a relationship with roles').toBeDefined();
      const part = (role ?? '').slice(1, 4).toUpperCase();
      await form.getByLabel('Elements').selectOption('relationship');
      await form.getByLabel('Property').selectOption('roles');
      await form.getByLabel('Operator').selectOption('contains');
      await form.getByLabel('Value').fill(part);
      await form.getByRole('button', { name: 'Add filter' }).click();
      const roles = all.relationships.filter((r) =>
        texts(r.properties.roles).some((x) => x.toLowerCase().includes(part.toLowerCase())),
      );
      expect(roles.length).toBeGreaterThan(0);
      await expect.poll(() => drawn('edges')).toBe(roles.length);
      expect(await drawn('nodes')).toBe(all.nodes.length);
      await screenshot(e2e.page, 'filters-movies');
      expect(e2e.pageErrors, failedRequests.join(', ')).toEqual([]);
    });
  },
);
