/** Screenshot baselines: what the tolerance lets through and what it does not. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { comparePngs, expectMatchesBaseline } from '../support/baseline.ts';

/** A 100×50 image: white, with a black bar, and the pixels `changed` (x, y) set to red. */
function image(changed: [number, number][] = [], width = 100, height = 50): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const bar = y >= 20 && y < 30;
      png.data[i] = bar ? 0 : 255;
      png.data[i + 1] = bar ? 0 : 255;
      png.data[i + 2] = bar ? 0 : 255;
      png.data[i + 3] = 255;
    }
  }
  for (const [x, y] of changed) {
    const i = (y * width + x) * 4;
    png.data[i] = 255;
    png.data[i + 1] = 0;
    png.data[i + 2] = 0;
  }
  return PNG.sync.write(png);
}

const pixels = (n: number): [number, number][] =>
  Array.from({ length: n }, (_, k) => [k % 100, Math.floor(k / 100)]);

describe('screenshot baselines', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baselines-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'screen.png'), image());

  it('counts the pixels that differ', () => {
    expect(comparePngs(image(), image(), 0.1).diffPixels).toBe(0);
    expect(comparePngs(image(pixels(7)), image(), 0.1).diffPixels).toBe(7);
  });

  it('accepts an identical screen and one within the tolerance', () => {
    expect(expectMatchesBaseline(image(), 'screen', { dir, artifacts: dir })?.diffPixels).toBe(0);
    // 1 % of 5,000 pixels may differ.
    expect(
      expectMatchesBaseline(image(pixels(50)), 'screen', { dir, artifacts: dir })?.diffPixels,
    ).toBe(50);
  });

  it('refuses a screen beyond the tolerance, naming the figures, and keeps the evidence', () => {
    expect(() =>
      expectMatchesBaseline(image(pixels(51)), 'screen', { dir, artifacts: dir }),
    ).toThrow(/differs from its baseline in 51 px \(1\.02 %, allowed 1\.00 %\)/);
    expect(fs.existsSync(path.join(dir, 'screen.actual.png'))).toBe(true);
    expect(
      comparePngs(fs.readFileSync(path.join(dir, 'screen.diff.png')), image(), 0).diffPixels,
    ).toBeGreaterThan(0);
  });

  it('refuses a screen of another size, and a missing baseline', () => {
    expect(() =>
      expectMatchesBaseline(image([], 100, 51), 'screen', { dir, artifacts: dir }),
    ).toThrow('screenshot is 100×51 px, its baseline 100×50 px');
    expect(() => expectMatchesBaseline(image(), 'absent', { dir, artifacts: dir })).toThrow(
      /no baseline .*absent\.png: run with UPDATE_BASELINES=1/,
    );
  });
});
