/** The Lucene queries search builds from a user's words: escaping, variants and infixes. */
import { describe, expect, it } from 'vitest';
import {
  MIN_INFIX_LENGTH,
  buildInfixQuery,
  buildLuceneQuery,
  escapeLucene,
} from '../../server/search/lucene.ts';

describe('buildLuceneQuery', () => {
  it('asks for each word exactly, as a prefix and fuzzily, folded too', () => {
    const query = buildLuceneQuery(['rahmón']);
    for (const part of ['rahmón^4', 'rahmón*^1.5', 'rahmón~1', 'rahmon^4', 'rahmon~1']) {
      expect(query).toContain(part);
    }
  });

  it('adds the phrase for several words', () => {
    expect(buildLuceneQuery(['oil', 'gas'])).toContain('"oil gas"^6');
  });
});

describe('buildInfixQuery', () => {
  it('wraps each long enough word in wildcards, as typed and folded', () => {
    expect(buildInfixQuery(['ikistan'])).toBe('*ikistan*');
    expect(buildInfixQuery(['Zürı'])).toBe('*zürı* OR *zurı*');
  });

  it('keeps Lucene syntax literal inside the wildcards', () => {
    expect(buildInfixQuery(['a:b*c'])).toBe(`*${escapeLucene('a:b*c')}*`);
    expect(buildInfixQuery(['a:b*c'])).toBe('*a\\:b\\*c*');
  });

  it(`skips words shorter than ${MIN_INFIX_LENGTH} characters, and answers null for none`, () => {
    expect(buildInfixQuery(['ab', 'stan'])).toBe('*stan*');
    expect(buildInfixQuery(['ab', 'é'])).toBeNull();
  });
});
