/**
 * The three-letter pieces that narrow a typo-tolerant scan: a word within its allowed edits of
 * the typed word must still contain as many as `requiredTrigrams` says (each edit breaks at most
 * three), checked here against every one-edit variant of some words.
 */
import { describe, expect, it } from 'vitest';
import { fuzzyEdits } from '../../server/search/lucene.ts';
import { requiredTrigrams, trigrams } from '../../server/search/scan.ts';

/** Every string one substitution, deletion or insertion away (letters a–z). */
function oneEditAway(word: string): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    if (i < word.length) out.add(word.slice(0, i) + word.slice(i + 1));
    for (const c of letters) {
      out.add(word.slice(0, i) + c + word.slice(i));
      if (i < word.length) out.add(word.slice(0, i) + c + word.slice(i + 1));
    }
  }
  out.delete(word);
  return [...out];
}

describe('typo pieces', () => {
  it('asks of a short word with a typo no piece at all ("rian" for "ryan")', () => {
    expect(requiredTrigrams('rian')).toBe(0);
    expect(trigrams('rian').filter((g) => 'ryan'.includes(g))).toEqual([]);
  });

  it('asks a word without allowed edits to be there whole', () => {
    expect(fuzzyEdits('meg')).toBe(0);
    expect(requiredTrigrams('meg')).toBe(1);
  });

  it('never asks more pieces than a one-edit variant keeps', () => {
    for (const typed of ['hamiltn', 'tajikistn', 'afganistan', 'toyota', 'reeves']) {
      expect(fuzzyEdits(typed)).toBeGreaterThan(0);
      const needed = requiredTrigrams(typed);
      for (const stored of oneEditAway(typed)) {
        const kept = trigrams(typed).filter((g) => stored.includes(g)).length;
        expect(kept, `${typed} → ${stored}`).toBeGreaterThanOrEqual(needed);
      }
    }
  });

  it('still narrows long words: most pieces of a long word are asked for', () => {
    expect(requiredTrigrams('afganistan')).toBeGreaterThan(0);
  });
});
