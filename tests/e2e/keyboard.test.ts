// Keyboard access in headless Chromium on the seed meeting: the skip link reaches the canvas on
// the first Tab, arrow keys move the selection between nodes, Enter opens the details; Escape
// closes the export menu and the console, and focus returns to the control that opened them.
import { describe, expect, test } from 'vitest';
import { screenshot, useExplorerSession, openApp, SHUFFLED } from '../support/browser.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';

// Every test starts on the first view of a page of its own.
const e2e = useExplorerSession({
  load: loadMeetingGraph,
  viewport: { width: 1280, height: 900 },
  prepare: ({ page, app }) => openApp(page, app.url, 60_000),
});

const focusedName = () =>
  e2e.page.evaluate(
    () =>
      document.activeElement?.getAttribute('aria-label') ??
      document.activeElement?.textContent?.trim() ??
      '',
  );
const heading = () => e2e.page.getByTestId('node-details').getByRole('heading').first();

describe('keyboard', SHUFFLED, () => {
  test('the first Tab offers the skip link; it takes focus to the canvas', async () => {
    await e2e.page.keyboard.press('Tab');
    expect(await focusedName()).toBe('Skip to the graph');
    await e2e.page.keyboard.press('Enter');
    expect(await e2e.page.evaluate(() => document.activeElement?.id)).toBe('graph');
    expect(e2e.pageErrors).toEqual([]);
  });

  test('arrow keys move the selection to the nearest node that way; Enter opens details', async () => {
    const canvas = e2e.page.getByTestId('graph-canvas');
    await canvas.focus();
    await e2e.page.keyboard.press('ArrowRight');
    await heading().waitFor();
    const first = await heading().textContent();
    // The canvas keeps the focus, so the next arrow moves on from here.
    expect(await e2e.page.evaluate(() => document.activeElement?.id)).toBe('graph');
    await e2e.page.keyboard.press('ArrowLeft');
    await expect.poll(() => heading().textContent()).not.toBe(first);
    // From another tab, Enter on the canvas brings the details of the selected node.
    await e2e.page.getByRole('tab', { name: 'Paths' }).click();
    await canvas.focus();
    await e2e.page.keyboard.press('Enter');
    await expect
      .poll(() => e2e.page.getByRole('tab', { name: 'Details' }).getAttribute('aria-selected'))
      .toBe('true');
    await screenshot(e2e.page, 'keyboard-selection');
    expect(e2e.pageErrors).toEqual([]);
  });

  test('Escape closes the export menu and the console; focus goes back', async () => {
    const exportMenu = e2e.page.locator('details.export-menu');
    await e2e.page.getByText('Export', { exact: true }).click();
    expect(await exportMenu.getAttribute('open')).not.toBeNull();
    await e2e.page.getByRole('button', { name: 'Image (PNG)' }).focus();
    await e2e.page.keyboard.press('Escape');
    expect(await exportMenu.getAttribute('open')).toBeNull();
    expect(await focusedName()).toBe('Export');

    const opener = e2e.page.getByRole('button', { name: 'Cypher', exact: true });
    await opener.focus();
    await e2e.page.keyboard.press('Enter');
    const editor = e2e.page.getByRole('textbox', { name: 'Cypher query' });
    await editor.waitFor();
    await editor.focus();
    await e2e.page.keyboard.press('Escape');
    await e2e.page.getByTestId('cypher-console').waitFor({ state: 'detached' });
    expect(await focusedName()).toBe('Cypher');
    expect(e2e.pageErrors).toEqual([]);
  });
});
