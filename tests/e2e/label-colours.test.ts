// Label colours in headless Chromium on the seed in a real Neo4j: a label's colour does not
// depend on the order in which its nodes arrive (the whole overview at once, or one search pick
// after another from an empty canvas), and the labels on screen never share a colour.
import { describe, expect, test } from 'vitest';
import { MIN_DISTANCE, colourDistance } from '../../client/src/graph/palette.ts';
import { useExplorerSession, screenshot, openApp, SHUFFLED } from '../support/browser.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';

const e2e = useExplorerSession({ load: loadMeetingGraph });

/** The legend's colour per label, as its colour inputs hold it. */
async function legendColours(): Promise<Record<string, string>> {
  const entries = e2e.page.getByTestId('legend-entry');
  const labels = await entries.locator('.legend__label').allTextContents();
  const colours: Record<string, string> = {};
  for (const label of labels) {
    colours[label] = await e2e.page.getByLabel(`Colour for ${label}`).inputValue();
  }
  return colours;
}

/** Every two labels on screen look different (Threat is not Document, Sphere not Organisation). */
function expectDistinct(colours: Record<string, string>): void {
  const entries = Object.entries(colours);
  for (const [i, [a, first]] of entries.entries())
    for (const [b, second] of entries.slice(i + 1))
      expect({ a, b, distance: colourDistance(first, second) >= MIN_DISTANCE }).toEqual({
        a,
        b,
        distance: true,
      });
}

async function pick(text: string, option: RegExp): Promise<void> {
  const box = e2e.page.getByRole('combobox', { name: 'Search the graph' });
  await box.fill(text);
  await e2e.page.getByRole('option', { name: option }).first().click();
  await e2e.page.getByTestId('node-details').waitFor();
}

describe('label colours', SHUFFLED, () => {
  test('are the same whatever order the labels arrive in, and distinct on screen', async () => {
    expect(e2e.loaded, 'the colour check needs the seed graph').toBe('seed');
    await openApp(e2e.page, e2e.app.url);
    const overview = await legendColours();
    expect(Object.keys(overview).length).toBeGreaterThan(5);
    expectDistinct(overview);
    expect(overview.Threat).toBeDefined();
    expect(overview.Sphere).toBeDefined();
    await screenshot(e2e.page, 'label-colours-overview');

    // Another arrival order: an empty canvas, then a threat, an award and a person.
    await e2e.page.goto(`${e2e.app.url}/?base=empty`);
    await e2e.page.getByRole('combobox', { name: 'Search the graph' }).waitFor();
    await pick('terrorism', /International terrorism/);
    await pick('nevsky', /Order of Alexander Nevsky/);
    await pick('putin', /Vladimir Putin/);
    await expect.poll(async () => Object.keys(await legendColours()).length).toBeGreaterThan(3);
    const picked = await legendColours();
    for (const [label, colour] of Object.entries(picked)) {
      if (overview[label]) expect({ label, colour }).toEqual({ label, colour: overview[label] });
    }
    expectDistinct(picked);
    await screenshot(e2e.page, 'label-colours-picked');
    expect(e2e.pageErrors).toEqual([]);
  });
});
