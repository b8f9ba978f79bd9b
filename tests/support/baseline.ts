/**
 * Screenshot comparison against committed baselines (tests/e2e/baselines/<name>.png) with a
 * tolerance: antialiasing and sub-pixel text differ a little between runs, a changed screen a lot.
 * A missing baseline fails unless UPDATE_BASELINES=1, which writes it (and rewrites changed ones);
 * a mismatch leaves the actual image and a diff beside the other artifacts in test-artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { REPO_ROOT } from '../../server/neo4j/constants.ts';

export const BASELINE_DIR = path.join(REPO_ROOT, 'tests', 'e2e', 'baselines');
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

export interface Tolerance {
  /** Per-pixel colour distance pixelmatch still calls equal (0 exact … 1 anything). */
  threshold: number;
  /** Share of pixels that may differ beyond that. */
  maxDiffRatio: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { threshold: 0.1, maxDiffRatio: 0.01 };

export interface Comparison {
  /** Pixels that differ beyond the threshold, and their share of the image. */
  diffPixels: number;
  diffRatio: number;
  /** The diff image (differing pixels in red), for a failing comparison's artifact. */
  diff: PNG;
}

/** Compares two PNG images of the same size; throws when the sizes differ. */
export function comparePngs(actual: Buffer, expected: Buffer, threshold: number): Comparison {
  const a = PNG.sync.read(actual);
  const e = PNG.sync.read(expected);
  if (a.width !== e.width || a.height !== e.height) {
    throw new Error(
      `screenshot is ${a.width}×${a.height} px, its baseline ${e.width}×${e.height} px`,
    );
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const diffPixels = pixelmatch(a.data, e.data, diff.data, a.width, a.height, { threshold });
  return { diffPixels, diffRatio: diffPixels / (a.width * a.height), diff };
}

/**
 * Checks a screenshot against its baseline within the tolerance; throws with the figures and the
 * paths of the artifacts when it is off.
 */
export function expectMatchesBaseline(
  png: Buffer,
  name: string,
  {
    tolerance = DEFAULT_TOLERANCE,
    dir = BASELINE_DIR,
    artifacts = ARTIFACTS,
  }: { tolerance?: Tolerance; dir?: string; artifacts?: string } = {},
): Comparison | null {
  const baseline = path.join(dir, `${name}.png`);
  const update = process.env.UPDATE_BASELINES === '1';
  if (!fs.existsSync(baseline)) {
    if (!update) {
      throw new Error(
        `no baseline ${path.relative(REPO_ROOT, baseline)}: run with UPDATE_BASELINES=1`,
      );
    }
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(baseline, png);
    return null;
  }
  const result = comparePngs(png, fs.readFileSync(baseline), tolerance.threshold);
  if (result.diffRatio > tolerance.maxDiffRatio) {
    if (update) {
      fs.writeFileSync(baseline, png);
      return result;
    }
    fs.mkdirSync(artifacts, { recursive: true });
    const actualFile = path.join(artifacts, `${name}.actual.png`);
    const diffFile = path.join(artifacts, `${name}.diff.png`);
    fs.writeFileSync(actualFile, png);
    fs.writeFileSync(diffFile, PNG.sync.write(result.diff));
    const percent = (result.diffRatio * 100).toFixed(2);
    throw new Error(
      `screenshot "${name}" differs from its baseline in ${result.diffPixels} px (${percent} %, ` +
        `allowed ${(tolerance.maxDiffRatio * 100).toFixed(2)} %); see ${path.relative(REPO_ROOT, actualFile)} and ${path.relative(REPO_ROOT, diffFile)}`,
    );
  }
  return result;
}
