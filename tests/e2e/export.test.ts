// Image exports in headless Chromium against the seed meeting in a real Neo4j: the PNG and the
// SVG hold the whole scene, every caption inside the image, and a legend of label colours.
import fs from 'node:fs';
import type { Core } from 'cytoscape';
import { describe, expect, test } from 'vitest';
import {
  useExplorerSession,
  screenshot,
  ARTIFACTS_DIR,
  openApp,
  SHUFFLED,
} from '../support/browser.ts';
import { PNG_MARGIN, PNG_SCALE } from '../../client/src/export/png.ts';
import { loadMeetingGraph } from './meeting-fixture.ts';
import path from 'node:path';

const e2e = useExplorerSession({ load: loadMeetingGraph, viewport: { width: 1024, height: 768 } });

async function exported(label: string): Promise<Buffer> {
  await e2e.page.getByText('Export', { exact: true }).click();
  const [download] = await Promise.all([
    e2e.page.waitForEvent('download'),
    e2e.page.getByRole('button', { name: label }).click(),
  ]);
  return fs.readFileSync((await download.path()) as string);
}

interface Scene {
  /** The drawn nodes' labels with their colours and counts. */
  labels: { label: string; color: string; count: number }[];
  /** The scene's extent with captions, in model pixels. */
  width: number;
  height: number;
}

const scene = (): Promise<Scene> =>
  e2e.page.evaluate(() => {
    const container = document.querySelector('[data-testid=graph-canvas]') as HTMLElement & {
      _cyreg: { cy: Core };
    };
    const cy = container._cyreg.cy;
    const labels = new Map<string, { label: string; color: string; count: number }>();
    cy.nodes().forEach((n) => {
      const label = String(n.data('label'));
      const row = labels.get(label) ?? { label, color: String(n.data('color')), count: 0 };
      row.count += 1;
      labels.set(label, row);
    });
    const box = cy.elements().boundingBox({ includeLabels: true });
    return { labels: [...labels.values()], width: box.w, height: box.h };
  });

/** The first view, zoomed in on a corner: an export still holds everything, not the view. */
async function openZoomedIn(): Promise<void> {
  await openApp(e2e.page, e2e.app.url);
  await e2e.page.getByRole('button', { name: 'Zoom in' }).click();
  await e2e.page.getByRole('button', { name: 'Zoom in' }).click();
}

describe('image exports', SHUFFLED, () => {
  test('the PNG holds the whole scene with a margin and a legend of label colours', async () => {
    await openZoomedIn();
    const drawn = await scene();
    const png = await exported('Image (PNG)');
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS_DIR, 'export-scene.png'), png);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const sceneWidth = (drawn.width + 2 * PNG_MARGIN) * PNG_SCALE;
    expect(width).toBeGreaterThan(sceneWidth + 50 * PNG_SCALE);
    expect(height).toBeGreaterThanOrEqual((drawn.height + 2 * PNG_MARGIN) * PNG_SCALE - 2);

    // The legend beside the scene carries a swatch of every label's colour.
    const colours = await e2e.page.evaluate(
      async ({ bytes, left }) => {
        const blob = new Blob([Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0))]);
        const image = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(left, 0, image.width - left, image.height);
        const seen = new Set<string>();
        for (let i = 0; i < data.length; i += 4) {
          const hex = [data[i], data[i + 1], data[i + 2]]
            .map((v) => (v ?? 0).toString(16).padStart(2, '0'))
            .join('');
          seen.add(`#${hex}`);
        }
        return [...seen];
      },
      { bytes: png.toString('base64'), left: Math.ceil(sceneWidth) },
    );
    for (const { label, color } of drawn.labels) {
      expect(colours, label).toContain(color.toLowerCase());
    }
    await screenshot(e2e.page, 'export-png-view');
  });

  test('the SVG holds every caption inside its bounds and lists the labels', async () => {
    await openZoomedIn();
    const drawn = await scene();
    const svg = (await exported('Drawing (SVG)')).toString('utf8');
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS_DIR, 'export-scene.svg'), svg);
    for (const { label, count } of drawn.labels) expect(svg).toContain(`>${label} (${count})<`);
    // Measured as a browser draws it: every text inside the drawing's view box.
    const page = await e2e.browser.newPage({ viewport: { width: 1600, height: 1200 } });
    await page.setContent(svg.replace(/^<svg /, '<svg id="export" '));
    const outside = await page.evaluate(() => {
      const root = document.getElementById('export') as unknown as SVGSVGElement;
      const view = root.viewBox.baseVal;
      return [...root.querySelectorAll('text')]
        .filter((text) => {
          const box = text.getBBox();
          return (
            box.x < view.x ||
            box.y < view.y ||
            box.x + box.width > view.x + view.width ||
            box.y + box.height > view.y + view.height
          );
        })
        .map((text) => text.textContent);
    });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'export-svg.png') });
    await page.close();
    expect(outside).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
