// "What changed": after a document is ingested, the Document tab lists it above the seed's
// document; asking what it changed puts its entities and facts on the canvas with the new ones
// highlighted and counted apart from the facts it only confirms, and opens its text. Screenshot
// under test-artifacts/document-changes.png.
import { describe, expect, test } from 'vitest';
import { ingestDocument } from '../../server/ingest/index.ts';
import { useExplorerSession, screenshot, openApp, SHUFFLED } from '../support/browser.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';

const TITLE = 'Presidents of Tajikistan and Kazakhstan meet in Dushanbe';
const PRESS = [
  TITLE,
  '',
  'On 22 August 2024, in Dushanbe, President of Tajikistan Emomali Rahmon held talks with President of Kazakhstan Kassym-Jomart Tokayev.',
  '',
  'The sides discussed trade, energy and water management, and agreed to deepen the strategic partnership between Tajikistan and Kazakhstan.',
].join('\n');

const e2e = useExplorerSession({
  load: async (db) => {
    const loaded = await loadMeetingGraph(db);
    await ingestDocument(db, { bytes: Buffer.from(PRESS), origin: 'dushanbe.txt' });
    return loaded;
  },
  viewport: { width: 1440, height: 900 },
  prepare: async ({ page, app }) => {
    await openApp(page, app.url);
  },
});

const canvasCount = async (name: string) =>
  Number(await e2e.page.getByTestId('graph-canvas').getAttribute(name));

/** The Document tab, listing the documents in the graph. */
async function openDocuments(): Promise<void> {
  await e2e.page.getByRole('tab', { name: 'Document' }).click();
  await e2e.page.getByTestId('document-entry').first().waitFor();
}

describe('what a document changed', SHUFFLED, () => {
  test('the Document tab lists the ingested document first, the seed after', async () => {
    await e2e.page.getByRole('tab', { name: 'Document' }).click();
    const entries = e2e.page.getByTestId('document-entry');
    await entries.first().waitFor();
    const titles = await entries.locator('.documents__title').allTextContents();
    expect(titles[0]).toBe(TITLE);
    expect(titles).toHaveLength(e2e.loaded === 'seed' ? 2 : 1);
  });

  test('"What changed" draws its elements and highlights exactly the new ones', async () => {
    await openDocuments();
    // From an empty canvas, so what is drawn is what the document changed.
    await e2e.page.getByRole('button', { name: 'Clear', exact: true }).click();
    await expect.poll(() => canvasCount('data-rendered-nodes')).toBe(0);
    const entry = e2e.page.getByTestId('document-entry').first();
    await entry.getByRole('button', { name: 'What changed' }).click();
    const summary = entry.getByTestId('document-changes');
    await expect.poll(() => summary.textContent()).toMatch(/^New: \d+ nodes? and \d+ facts?/);
    const [, nodes, facts] = /New: (\d+) nodes? and (\d+) facts?/.exec(
      (await summary.textContent()) ?? '',
    ) as RegExpExecArray;
    expect(Number(nodes)).toBeGreaterThan(2);
    expect(Number(facts)).toBeGreaterThan(2);
    // Kazakhstan, Tokayev and the Dushanbe talks are new to the graph; Rahmon is not.
    await expect.poll(() => canvasCount('data-highlighted')).toBe(Number(nodes) + Number(facts));
    // The new entities, and the known ones its facts reach (Rahmon, Tajikistan), are drawn.
    expect(await canvasCount('data-rendered-nodes')).toBeGreaterThan(Number(nodes));
    expect(await canvasCount('data-dimmed')).toBeGreaterThan(0);
    await screenshot(e2e.page, 'document-changes');
  });

  test('opens its text, and goes back to the list', async () => {
    await openDocuments();
    const entry = e2e.page.getByTestId('document-entry').first();
    // The way into its text is offered with what it changed.
    await entry.getByRole('button', { name: 'What changed' }).click();
    await entry.getByRole('button', { name: 'Read the document' }).click();
    const panel = e2e.page.getByRole('tabpanel');
    // The first document read after start-up can take seconds on a busy machine: wait for it.
    await panel.getByTestId('document-view').waitFor();
    await expect.poll(() => panel.textContent()).toContain('Kassym-Jomart Tokayev');
    await panel.getByRole('button', { name: 'All documents' }).click();
    await e2e.page.getByTestId('document-list').waitFor();
  });
});
