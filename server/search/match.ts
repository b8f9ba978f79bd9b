/**
 * Says which property of a found node matched the query, for display ("matched alias
 * 'Tadzhikistan'"); bookkeeping (a seed key, search text) is never the reason given. Pure: works
 * on encoded properties and folded text.
 */
import type { SearchHit } from '../../common/api.ts';
import { isInternalProperty } from '../../common/internal.ts';
import type { EncodedValue } from '../../common/values.ts';
import { fuzzyEdits } from './lucene.ts';
import { foldText } from './text.ts';

/** Text values of a property: a string, or the strings of a list. */
function texts(value: EncodedValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Edit distance between two short words (Levenshtein), for typo-tolerant matches. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** A term occurs as a word, a word prefix or a word within the edits a fuzzy search allows. */
function termFound(term: string, words: readonly string[]): boolean {
  const edits = fuzzyEdits(term);
  return words.some((w) => w.startsWith(term) || (edits > 0 && editDistance(term, w) <= edits));
}

/**
 * 4 whole text, 3 prefix, 2 word prefix, 1 contains; else the share of terms found as words,
 * prefixes or near misses (scaled below 1).
 */
function closeness(text: string, query: string, terms: readonly string[]): number {
  const folded = foldText(text);
  if (folded === query) return 4;
  if (folded.startsWith(query)) return 3;
  if (folded.includes(` ${query}`)) return 2;
  if (folded.includes(query)) return 1;
  const words = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
  const found = terms.filter((t) => termFound(t, words)).length;
  return terms.length > 0 ? (0.9 * found) / terms.length : 0;
}

/**
 * The best matching property text. `preferred` keys (e.g. the index's properties) win ties, and
 * shorter texts win over longer ones.
 */
export function bestMatch(
  properties: Record<string, EncodedValue>,
  query: string,
  preferred: readonly string[] = [],
): SearchHit['match'] {
  const foldedQuery = foldText(query);
  const foldedTerms = foldedQuery.match(/[\p{L}\p{N}]+/gu) ?? [];
  let best: { property: string; text: string; rank: number } | null = null;
  for (const [property, value] of Object.entries(properties)) {
    if (isInternalProperty(property, value, properties)) continue;
    for (const text of texts(value)) {
      const score = closeness(text, foldedQuery, foldedTerms);
      if (score === 0) continue;
      const rank =
        score * 10 + (preferred.includes(property) ? 1 : 0) - Math.min(text.length, 1000) / 10_000;
      if (!best || rank > best.rank) best = { property, text, rank };
    }
  }
  return best ? { property: best.property, text: best.text } : null;
}

/**
 * For typo-tolerant answers: the share of folded query words found, as words, prefixes or near
 * misses, in the node's text properties taken together (0 to 1).
 */
export function typoCloseness(
  properties: Record<string, EncodedValue>,
  foldedTerms: readonly string[],
): number {
  const words = Object.values(properties)
    .flatMap(texts)
    .flatMap((text) => foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []);
  const found = foldedTerms.filter((t) => termFound(t, words)).length;
  return foldedTerms.length > 0 ? found / foldedTerms.length : 0;
}
