/**
 * Every e2e file's top-level suites shuffle their tests (SHUFFLED): vitest takes the shuffle
 * option only from a suite or the root config, so a new file that forgets it would run in
 * written order and could lean on state left by the test before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/neo4j/constants.ts';

const E2E_DIR = path.join(REPO_ROOT, 'tests', 'e2e');
const files = fs.readdirSync(E2E_DIR).filter((f) => f.endsWith('.test.ts'));

describe('e2e test order', () => {
  it('finds the e2e files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)('%s shuffles the tests of each top-level suite', (file) => {
    const text = fs.readFileSync(path.join(E2E_DIR, file), 'utf8');
    // Top-level suites open at the start of a line: describe(…), describe.skipIf(…)(…), up to
    // their callback's arrow.
    const suites = text.match(/^describe(?:\.skipIf\([^)]*\))?\([\s\S]*?=>/gm) ?? [];
    expect(suites.length, 'top-level describe blocks').toBeGreaterThan(0);
    for (const opening of suites) expect(opening, opening).toContain('SHUFFLED');
    expect(text, 'tests outside a suite').not.toMatch(/^(?:test|it)\(/m);
  });
});
