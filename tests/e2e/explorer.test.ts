// Exploring the seed meeting in headless Chromium against a real Neo4j: search → details with
// evidence, background badge, expand by double-click with undo/redo, hide, layout, deep link
// reload and exports. Each test starts from its own page (most from Emomali Rahmon picked on an
// empty canvas) and leaves a screenshot under test-artifacts/.
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  useExplorerSession,
  collectPageErrors,
  screenshot,
  openApp,
  waitForLayout,
  SHUFFLED,
} from '../support/browser.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';

const e2e = useExplorerSession({ load: loadMeetingGraph });

const canvas = (p: Page = e2e.page) => p.locator('[data-testid=graph-canvas]');
const renderedNodes = async (p: Page = e2e.page) =>
  Number(await canvas(p).getAttribute('data-rendered-nodes'));
const detailsHeading = (p: Page = e2e.page) =>
  p.getByTestId('node-details').getByRole('heading', { level: 2 });

async function searchAndPick(text: string, option: RegExp): Promise<void> {
  const box = e2e.page.getByRole('combobox', { name: 'Search the graph' });
  await box.fill(text);
  await e2e.page.getByRole('option', { name: option }).first().waitFor();
  await box.press('ArrowDown');
  await e2e.page.getByRole('option', { name: option, selected: true }).waitFor();
  await box.press('Enter');
}

/** An empty canvas (`base=empty`), ready for a search. */
async function openEmpty(): Promise<void> {
  await e2e.page.goto(`${e2e.app.url}/?base=empty`);
  await e2e.page.getByTestId('blank-canvas').waitFor();
}

/** Emomali Rahmon picked in the search on an empty canvas: his neighbourhood drawn, his details open. */
async function openWithRahmonSelected(): Promise<void> {
  await openEmpty();
  await searchAndPick('rahmon', /Emomali Rahmon/);
  await expect.poll(() => detailsHeading().textContent()).toBe('Emomali Rahmon');
  await expect.poll(() => renderedNodes()).toBeGreaterThan(3);
  await waitForLayout(e2e.page);
}

/** Chooses a node in the list of nodes on the canvas and waits for its details. */
async function chooseFromList(name: string): Promise<void> {
  await e2e.page.getByText(/Nodes on the canvas/).click();
  await e2e.page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await expect.poll(() => detailsHeading().textContent()).toBe(name);
}

describe('explorer', SHUFFLED, () => {
  test('starts from search on an empty canvas: details, degree per type and evidence', async () => {
    await openApp(e2e.page, e2e.app.url);
    await e2e.page.getByRole('button', { name: 'Clear', exact: true }).click();
    await e2e.page.getByTestId('blank-canvas').waitFor();
    expect(await renderedNodes()).toBe(0);

    // Suggestions before typing: the main entities.
    await e2e.page.getByRole('combobox', { name: 'Search the graph' }).focus();
    expect(await e2e.page.getByRole('option').count()).toBeGreaterThan(3);

    await searchAndPick('rahmon', /Emomali Rahmon/);
    await expect.poll(() => detailsHeading().textContent()).toBe('Emomali Rahmon');
    const details = e2e.page.getByTestId('node-details');
    await details.getByRole('list', { name: 'Relationships by type' }).waitFor();
    const evidence = details.getByTestId('evidence');
    await evidence.waitFor();
    expect(await evidence.locator('mark').allTextContents()).toContain('Emomali Rahmon');
    expect(await details.getByTestId('expansion-count').textContent()).toMatch(
      /^(\d+) of \1 relationships shown$/,
    );
    await expect.poll(() => renderedNodes()).toBeGreaterThan(3);
    expect(e2e.page.url()).toContain('base=empty');
    await screenshot(e2e.page, 'explorer-search-details');
  });

  test('a background fact carries a badge with its basis', async () => {
    await openEmpty();
    await searchAndPick('putin', /Vladimir Putin/);
    await expect.poll(() => detailsHeading().textContent()).toBe('Vladimir Putin');
    const badge = e2e.page.getByTestId('background-badge');
    await badge.waitFor();
    expect(await badge.textContent()).toContain('Background knowledge');
    expect(await badge.textContent()).toMatch(/Basis: .+/);
    await screenshot(e2e.page, 'explorer-background-badge');
  });

  test('double-click expands a node; undo and redo step through it', async () => {
    await openWithRahmonSelected();
    await chooseFromList('Tajikistan');
    await e2e.page.waitForTimeout(400); // the view centres on the selection
    const before = await renderedNodes();
    const box = (await canvas().boundingBox())!;
    await e2e.page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => renderedNodes()).toBeGreaterThan(before);
    const after = await renderedNodes();
    expect(await e2e.page.getByTestId('notice').textContent()).toMatch(
      /Expanded: \d+ of \d+ relationships shown/,
    );
    await screenshot(e2e.page, 'explorer-expanded');

    await e2e.page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => renderedNodes()).toBe(before);
    await e2e.page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => renderedNodes()).toBe(after);
  });

  test('hide takes a node off the canvas until shown again', async () => {
    await openWithRahmonSelected();
    const before = await renderedNodes();
    await e2e.page.getByTestId('node-details').getByRole('button', { name: 'Hide' }).click();
    await expect.poll(() => renderedNodes()).toBe(before - 1);
    await e2e.page.getByRole('button', { name: 'Show 1 hidden node' }).click();
    await expect.poll(() => renderedNodes()).toBe(before);
  });

  test('layouts can be switched', async () => {
    await openWithRahmonSelected();
    await e2e.page.getByLabel('Layout').selectOption('grid');
    await waitForLayout(e2e.page);
    expect(e2e.page.url()).toContain('layout=grid');
    await screenshot(e2e.page, 'explorer-grid-layout');
  });

  test('a deep link reproduces the view after a reload in a new page', async () => {
    await openWithRahmonSelected();
    await e2e.page.getByLabel('Layout').selectOption('grid');
    await waitForLayout(e2e.page);
    await chooseFromList('Tajikistan');
    await expect.poll(() => e2e.page.url()).toContain('select=');
    // The URL follows the view a moment later: the link is taken once it names both changes.
    const found = await e2e.db.read((tx) =>
      tx.run("MATCH (c:Country {name: 'Tajikistan'}) RETURN elementId(c) AS id"),
    );
    const tajikistan = String(found.records[0]?.get('id'));
    await expect
      .poll(() => {
        const params = new URL(e2e.page.url()).searchParams;
        return { select: params.get('select'), layout: params.get('layout') };
      })
      .toEqual({ select: tajikistan, layout: 'grid' });
    const link = e2e.page.url();
    const nodes = await renderedNodes();
    const other = await e2e.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const otherErrors = collectPageErrors(other);
    await other.goto(link);
    await expect
      .poll(() => detailsHeading(other).textContent(), { timeout: 20_000 })
      .toBe('Tajikistan');
    await expect.poll(() => renderedNodes(other), { timeout: 20_000 }).toBe(nodes);
    expect(await other.getByLabel('Layout').inputValue()).toBe('grid');
    await screenshot(other, 'explorer-deep-link');
    await other.close();
    expect(otherErrors).toEqual([]);
  });

  test('exports the view and the data', async () => {
    await openWithRahmonSelected();
    const nodes = await renderedNodes();
    const exportAs = async (label: string) => {
      await e2e.page.getByText('Export', { exact: true }).click();
      const [download] = await Promise.all([
        e2e.page.waitForEvent('download'),
        e2e.page.getByRole('button', { name: label }).click(),
      ]);
      return {
        name: download.suggestedFilename(),
        bytes: fs.readFileSync((await download.path())!),
      };
    };

    const json = await exportAs('Data (JSON)');
    expect(json.name).toBe('summit-graph.json');
    const data = JSON.parse(json.bytes.toString('utf8')) as {
      nodes: unknown[];
      relationships: unknown[];
    };
    expect(data.nodes).toHaveLength(nodes);

    const png = await exportAs('Image (PNG)');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.bytes.length).toBeGreaterThan(5_000);

    const svg = await exportAs('Drawing (SVG)');
    expect(svg.bytes.toString('utf8')).toContain('<svg');
    expect(svg.bytes.toString('utf8').match(/<circle /g)).toHaveLength(nodes);

    const graphml = await exportAs('Data (GraphML)');
    expect(graphml.bytes.toString('utf8').match(/<node /g)).toHaveLength(nodes);

    await e2e.page.getByText('Export', { exact: true }).click();
    const downloads: string[] = [];
    e2e.page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await e2e.page.getByRole('button', { name: 'Data (CSV)' }).click();
    await expect
      .poll(() => downloads.sort())
      .toEqual(['summit-graph-nodes.csv', 'summit-graph-relationships.csv']);
    expect(e2e.pageErrors).toEqual([]);
  });
});
